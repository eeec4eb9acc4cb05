locals {
  tags = { Name = "web" Environment = "prod" }
}
