a = "%{if x}y%{endif x}"
