resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
  task_definition = "api:42"
  desired_count   = 2

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

# Blue/green through CodeDeploy, or an external controller: the circuit
# breaker does not apply.
resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
  task_definition = "web:9"

  deployment_controller {
    type = "CODE_DEPLOY"
  }
}

resource "aws_ecs_service" "custom" {
  name    = "custom"
  cluster = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"

  deployment_controller {
    type = "EXTERNAL"
  }
}

# count = 0: does not exist here.
resource "aws_ecs_service" "disabled" {
  count           = 0
  name            = "disabled"
  cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
  task_definition = "disabled:1"
}

# Known only at apply: undecided.
data "aws_ssm_parameter" "rollback" {
  name = "/ecs/rollback"
}

resource "aws_ecs_service" "configurable" {
  name            = "configurable"
  cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
  task_definition = "configurable:1"

  deployment_circuit_breaker {
    enable   = true
    rollback = data.aws_ssm_parameter.rollback.value
  }
}
