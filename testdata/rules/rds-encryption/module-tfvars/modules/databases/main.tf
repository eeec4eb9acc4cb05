variable "databases" {
  type = map(object({
    engine    = string
    encrypted = optional(bool, true)
  }))
}

resource "aws_db_instance" "this" {
  for_each          = var.databases
  identifier        = each.key
  engine            = each.value.engine
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  storage_encrypted = each.value.encrypted # expect: rds-encryption
}
