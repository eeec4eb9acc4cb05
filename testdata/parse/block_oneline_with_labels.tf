provider "aws" { region = "us-west-2" }
