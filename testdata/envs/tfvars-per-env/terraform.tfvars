image_repository = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api"
ami_id           = "ami-0abcdef1234567890"
