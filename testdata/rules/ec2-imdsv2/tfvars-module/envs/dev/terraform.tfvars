http_tokens = "optional" # a legacy agent in dev still speaks IMDSv1
