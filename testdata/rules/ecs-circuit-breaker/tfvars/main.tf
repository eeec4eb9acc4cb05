variable "services" {
  type = map(object({
    image           = string
    circuit_breaker = optional(bool, true)
  }))
}

# legacy has circuit_breaker = false in terraform.tfvars: no block, a finding at the header.
resource "aws_ecs_service" "this" { # expect: ecs-circuit-breaker
  for_each        = var.services
  name            = each.key
  cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
  task_definition = "${each.key}:1"

  dynamic "deployment_circuit_breaker" {
    for_each = each.value.circuit_breaker ? [1] : []
    content {
      enable   = true
      rollback = true
    }
  }
}
