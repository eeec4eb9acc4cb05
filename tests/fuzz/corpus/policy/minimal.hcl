policy "fuzz-seed" {
  severity = "warning"
  summary  = "a minimal policy"
  resource = "aws_s3_bucket"
  condition = self.bucket != null && length(self.bucket) > 3
  message   = "bucket ${self.bucket} is fine"
}
