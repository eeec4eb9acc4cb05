a = var.obj.inner.leaf
