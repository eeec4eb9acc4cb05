policy "ecs-circuit-breaker" {
  severity = "note"
  summary  = "ECS services should enable the deployment circuit breaker with rollback"
  tags     = ["reliability"]

  description = <<-EOT
    ## What fails

    An `aws_ecs_service` without `deployment_circuit_breaker { enable =
    true, rollback = true }` in the environment being checked: the block is
    missing, or `enable` or `rollback` is not `true`. The finding points at
    the argument that is wrong, else at the block, else at the resource
    header.

    Not checked: services whose `deployment_controller` has `type =
    "CODE_DEPLOY"` or `"EXTERNAL"` (the circuit breaker only applies to the
    rolling update controller, `ECS`, the default), and services with
    `count = 0`. A value known only at apply makes the check *undecided* (no
    finding).

    ## Why

    Without the circuit breaker, a rolling deployment of a task definition
    that never becomes healthy (a crash on start, a missing secret, a
    failing health check) keeps launching and stopping tasks indefinitely:
    the deployment stays "in progress" for hours, `terraform apply` waits
    on it (with `wait_for_steady_state`) or reports success while the
    service is degraded, and the churn hits image pulls, logs and
    dependencies. With `enable = true` ECS marks the deployment failed after
    repeated task failures, and with `rollback = true` it goes back to the
    last deployment that reached steady state, without anyone being paged
    to do it by hand.
  EOT

  bad_example = <<-EOT
    resource "aws_ecs_service" "api" {
      name            = "api"
      cluster         = aws_ecs_cluster.main.id
      task_definition = aws_ecs_task_definition.api.arn
      desired_count   = 2
    }
  EOT

  good_example = <<-EOT
    resource "aws_ecs_service" "api" {
      name            = "api"
      cluster         = aws_ecs_cluster.main.id
      task_definition = aws_ecs_task_definition.api.arn
      desired_count   = 2

      deployment_circuit_breaker {
        enable   = true
        rollback = true
      }
    }
  EOT

  resource = "aws_ecs_service"

  locals {
    controller = try(upper(self.deployment_controller[0].type), "ECS")
    enable     = try(tobool(self.deployment_circuit_breaker[0].enable), false)
    rollback   = try(tobool(self.deployment_circuit_breaker[0].rollback), false)
    missing = (
      length(self.deployment_circuit_breaker[*]) == 0 ? "there is no deployment_circuit_breaker block" :
      local.enable != true ? "deployment_circuit_breaker.enable is not true" :
      "deployment_circuit_breaker.rollback is not true"
    )
  }

  # CodeDeploy (blue/green) and external controllers have no circuit breaker.
  assert = contains(["CODE_DEPLOY", "EXTERNAL"], local.controller) || (local.enable == true && local.rollback == true)

  at = (
    length(self.deployment_circuit_breaker[*]) == 0 ? "deployment_circuit_breaker" :
    local.enable != true ? "deployment_circuit_breaker.enable" :
    "deployment_circuit_breaker.rollback"
  )
  message = "ecs service ${instance.address} has no deployment circuit breaker with rollback: ${local.missing}"
  detail  = "Add deployment_circuit_breaker { enable = true, rollback = true } so that ECS stops a deployment whose tasks keep failing and rolls back to the last deployment that reached steady state."
}
