output "public_ip" {
  value = var.allocate_eip ? aws_eip.web[0].public_ip : aws_instance.web.public_ip
}

output "security_group_id" {
  value = aws_security_group.web.id
}
