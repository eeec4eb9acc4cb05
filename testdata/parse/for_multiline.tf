a = [
  for x in var.list :
  x.name
  if x.enabled
]
b = {
  for k, v in var.map :
  k => v
  if v != ""
}
