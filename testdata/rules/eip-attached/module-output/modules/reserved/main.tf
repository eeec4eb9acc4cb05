resource "aws_eip" "forgotten" { # expect: eip-attached
  domain = "vpc"
}

resource "aws_eip" "exported_ip" {
  domain = "vpc"
}

output "addresses" {
  value = {
    ip = aws_eip.exported_ip.public_ip
  }
}

output "forgotten_tags" {
  value = aws_eip.forgotten.tags_all
}
