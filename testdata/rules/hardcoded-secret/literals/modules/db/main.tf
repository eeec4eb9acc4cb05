variable "db_password" {
  type      = string
  sensitive = true
}

output "endpoint" {
  value = "db.internal"
}
