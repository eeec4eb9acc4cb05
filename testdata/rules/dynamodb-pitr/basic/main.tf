resource "aws_dynamodb_table" "orders" { # expect: dynamodb-pitr
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"

  attribute {
    name = "order_id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "carts" {
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "cart_id"

  attribute {
    name = "cart_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = false # expect: dynamodb-pitr
  }
}

resource "aws_dynamodb_table" "customers" {
  name         = "customers"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "customer_id"

  attribute {
    name = "customer_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}

# dynamic block, for_each over tables: events["clicks"] has no block.
resource "aws_dynamodb_table" "events" { # expect: dynamodb-pitr
  for_each     = { clicks = false, payments = true }
  name         = "events-${each.key}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  dynamic "point_in_time_recovery" {
    for_each = each.value ? [1] : []
    content {
      enabled = true
    }
  }
}
