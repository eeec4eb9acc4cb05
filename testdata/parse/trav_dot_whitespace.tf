a = var . x
b = var. x
c = var .x
