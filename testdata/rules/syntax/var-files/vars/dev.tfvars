instance_type = "t3.micro"
tags = {
  Team = "platform"
}
