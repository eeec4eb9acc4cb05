resource "aws_eip" "this" {
  domain = "vpc"
}

output "allocation_id" {
  value = aws_eip.this.allocation_id
}

# Exported whole: whoever reads the output may associate it.
resource "aws_eip" "spare" {
  domain = "vpc"
}

output "spare" {
  value = aws_eip.spare
}
