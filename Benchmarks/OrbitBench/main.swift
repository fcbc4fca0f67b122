print("orbit-bench")
