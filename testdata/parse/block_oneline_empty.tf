a {}
b "x" {}
c "x" "y" {}
