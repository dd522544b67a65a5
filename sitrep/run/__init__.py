"""`make report` in one process: the notebooks' kernels, the work folder, the publish into OUT."""
