a = "x %{~if c~} y %{~endif~} z"
