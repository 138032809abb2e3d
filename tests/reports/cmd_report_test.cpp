// `motcua report` through the real binary (written next).
