access_log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/orders-prod"
