a = aws_instance.web.*.id
