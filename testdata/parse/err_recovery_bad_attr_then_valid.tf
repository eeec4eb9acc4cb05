first = 1
second = 2
broken = 
third = 3
blk {
  x = 1
}
