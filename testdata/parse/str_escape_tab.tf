a = "col1\tcol2"
