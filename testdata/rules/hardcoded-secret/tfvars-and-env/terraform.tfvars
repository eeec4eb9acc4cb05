region             = "eu-west-1"
partner_credential = "pc-2024-0xDEADBEEF" # expect: hardcoded-secret
api_token          = "tok-abcdef-123456"  # expect: hardcoded-secret
db_password        = ""
