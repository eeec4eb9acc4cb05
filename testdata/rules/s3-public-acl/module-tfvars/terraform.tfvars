site_acl = "public-read"
