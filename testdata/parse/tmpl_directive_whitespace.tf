a = "%{   if   var.x   }y%{   else   }n%{   endif   }"
