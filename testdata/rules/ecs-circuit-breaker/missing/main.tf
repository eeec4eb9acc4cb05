resource "aws_ecs_service" "api" { # expect: ecs-circuit-breaker
  name            = "api"
  cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
  task_definition = "api:42"
  desired_count   = 2
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
  task_definition = "worker:7"

  deployment_circuit_breaker {
    enable   = true
    rollback = false # expect: ecs-circuit-breaker
  }
}

resource "aws_ecs_service" "scheduler" {
  name            = "scheduler"
  cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
  task_definition = "scheduler:3"

  deployment_circuit_breaker { # expect: ecs-circuit-breaker
    rollback = true
  }
}

# An explicit ECS controller is the rolling update: checked.
resource "aws_ecs_service" "frontend" { # expect: ecs-circuit-breaker
  name            = "frontend"
  cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
  task_definition = "frontend:12"

  deployment_controller {
    type = "ECS"
  }
}
