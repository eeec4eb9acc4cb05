a = "a  	 ${~ var.x ~}  	 b"
