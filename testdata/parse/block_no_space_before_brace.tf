a{
}
b "x"{
}
c{}
d{ e = 1 }
