output "vpc_id" {
  description = "ID of the VPC"
  value       = module.vpc.vpc_id
}

output "instance_ips" {
  value = aws_instance.app[*].private_ip
}

output "legacy_ips" {
  value = aws_instance.app.*.private_ip
}

output "db_password" {
  value     = random_password.db.result
  sensitive = true
}

output "summary" {
  value = <<-EOT
    Environment: ${var.environment}
    Instances:   ${length(aws_instance.app)}
    %{~ if local.is_prod }
    Production mode enabled.
    %{~ endif }
  EOT
}
