resource "aws_eip" "nat" {
  count  = var.enable_nat && !var.single_nat ? length(var.azs) : (var.enable_nat ? 1 : 0)
  domain = "vpc"
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  count               = var.alarms_enabled ? var.instance_count : 0
  alarm_name          = "cpu-high-${aws_instance.app[count.index].id}"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 300
  statistic           = "Average"
  threshold           = var.cpu_threshold != null ? var.cpu_threshold : 80
  alarm_actions       = compact([var.sns_topic_arn, try(aws_sns_topic.alerts[0].arn, "")])

  dimensions = {
    InstanceId = aws_instance.app[count.index].id
  }
}
