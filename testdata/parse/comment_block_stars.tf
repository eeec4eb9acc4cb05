/***** stars *****/
a = 1
/**
 * doc style
 **/
b = 2
