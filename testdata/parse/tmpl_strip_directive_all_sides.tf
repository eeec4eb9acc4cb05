a = "x  %{~ if c ~}  y  %{~ else ~}  z  %{~ endif ~}  w"
