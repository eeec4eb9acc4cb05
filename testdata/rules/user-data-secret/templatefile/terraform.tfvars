db_password  = "tfvars-Passw0rd-42"
github_token = "ghp_abcdefghij0123456789ABCDEFGHIJ987654"
image        = "ghcr.io/example/app:1.4"
