instance_type   = "m5.large"
certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0f3c2a8e-1b2c-4d5e-8f90-123456789abc"
