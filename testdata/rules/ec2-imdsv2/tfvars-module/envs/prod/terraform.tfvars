http_tokens = "required"
