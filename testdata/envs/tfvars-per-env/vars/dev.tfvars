environment   = "dev"
instance_type = "t3.micro"
image_tag     = "main"
admin_cidrs   = ["0.0.0.0/0"]
