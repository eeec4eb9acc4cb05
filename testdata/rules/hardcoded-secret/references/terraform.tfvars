db_password = ""
api_token   = "<your-api-token>"
