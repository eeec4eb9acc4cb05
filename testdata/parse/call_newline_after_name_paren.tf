a = concat(

  [1],

  [2]

)
