"""The numpy peer of the training benchmarks (run by ./numpyPeer.ts in a child process).

The course's vectorized formulas for an L-layer net (examples are columns), the same as ./hand.ts:
  forward:  Z[l] = W[l] @ A[l-1] + b[l],  A[l] = g(Z[l])  (tanh or ReLU; sigmoid on the last layer)
  cost:     J = -(1/m) sum(Y log A[L] + (1 - Y) log(1 - A[L]))  (+ (lambda/2m) sum ||W[l]||^2)
  backward: dZ[L] = A[L] - Y;  dW[l] = (1/m) dZ[l] @ A[l-1].T (+ (lambda/m) W[l]);
            db[l] = (1/m) sum_cols dZ[l];  dZ[l-1] = W[l].T @ dZ[l] * g'(Z[l-1])
  update:   gradient descent, or Adam with bias corrections.

Usage: python3 numpyPeer.py <dir>. <dir>/config.json gives the workload (layers, hidden, lr,
optimizer, l2, m, dtypes, roundMs, rounds); <dir>/data.bin holds float64 X (n_x, m), Y (1, m), then
W1, b1, W2, b2, ... row-major. For each dtype, <dir>/out-<dtype>.bin receives the gradients at the
initial parameters then the parameters after one step (float64, in the same order), and stdout
gets one JSON object: {"numpy": version, "blas": ..., "results": {dtype: {"perStep": [ms, ...]}}}.
BLAS threads are the caller's to limit (OPENBLAS_NUM_THREADS etc. in the environment).
"""

import json
import os
import sys
import time

import numpy as np


def load(folder):
    with open(os.path.join(folder, "config.json")) as f:
        cfg = json.load(f)
    flat = np.fromfile(os.path.join(folder, "data.bin"), dtype=np.float64)
    layers, m = cfg["layers"], cfg["m"]
    shapes = [(layers[0], m), (1, m)]
    for l in range(1, len(layers)):
        shapes += [(layers[l], layers[l - 1]), (layers[l], 1)]
    arrays, at = [], 0
    for r, c in shapes:
        arrays.append(flat[at : at + r * c].reshape(r, c))
        at += r * c
    if at != flat.size:
        raise SystemExit(f"numpyPeer: data.bin has {flat.size} values, expected {at}")
    X, Y, params = arrays[0], arrays[1], arrays[2:]
    return cfg, X, Y, params


class Net:
    def __init__(self, cfg, X, Y, params, dtype):
        self.dt = np.dtype(dtype)
        s = self.dt.type
        self.X, self.Y = X.astype(self.dt), Y.astype(self.dt)
        self.init = [p.astype(self.dt) for p in params]
        self.m = cfg["m"]
        self.hidden = cfg["hidden"]
        self.lr = s(cfg["lr"])
        self.l2 = s(cfg.get("l2", 0))
        self.opt = cfg["optimizer"]
        self.inv_m = s(1.0 / self.m)
        self.one = s(1)
        self.reset()

    def reset(self):
        self.params = [p.copy() for p in self.init]
        self.m1 = [np.zeros_like(p) for p in self.init]
        self.m2 = [np.zeros_like(p) for p in self.init]
        self.t = 0

    def gradients(self):
        P, L, one, inv_m = self.params, len(self.params) // 2, self.one, self.inv_m
        A, Zs, As = self.X, [], [self.X]
        for l in range(L):
            Z = P[2 * l] @ A + P[2 * l + 1]
            if l == L - 1:
                A = one / (one + np.exp(-Z))
            elif self.hidden == "tanh":
                A = np.tanh(Z)
            else:
                A = np.maximum(Z, 0)
            Zs.append(Z)
            As.append(A)
        AL, Y = As[-1], self.Y
        cost = -(Y * np.log(AL) + (one - Y) * np.log(one - AL)).sum() * inv_m
        if self.l2:
            cost += self.l2 * inv_m / 2 * sum((P[2 * l] ** 2).sum() for l in range(L))
        grads = [None] * (2 * L)
        dZ = AL - Y
        for l in range(L - 1, -1, -1):
            W = P[2 * l]
            dW = (dZ @ As[l].T) * inv_m
            if self.l2:
                dW += (self.l2 * inv_m) * W
            grads[2 * l] = dW
            grads[2 * l + 1] = dZ.sum(axis=1, keepdims=True) * inv_m
            if l == 0:
                break
            dA = W.T @ dZ
            if self.hidden == "tanh":
                dZ = dA * (one - As[l] * As[l])
            else:
                dZ = dA * (Zs[l - 1] > 0)
        return cost, grads

    def step(self):
        _, grads = self.gradients()
        self.t += 1
        o, lr = self.opt, self.lr
        if o["kind"] == "sgd":
            for p, g in zip(self.params, grads):
                p -= lr * g
            return
        s = self.dt.type
        b1, b2, eps = s(o["beta1"]), s(o["beta2"]), s(o["epsilon"])
        c1 = s(1 / (1 - o["beta1"] ** self.t))
        c2 = s(1 / (1 - o["beta2"] ** self.t))
        for p, g, m1, m2 in zip(self.params, grads, self.m1, self.m2):
            m1 *= b1
            m1 += (self.one - b1) * g
            m2 *= b2
            m2 += (self.one - b2) * (g * g)
            p -= lr * (c1 * m1) / (np.sqrt(c2 * m2) + eps)


def timed(net, cfg):
    # warm up and probe, then interleave nothing (this process runs alone): rounds from a reset state
    net.reset()
    for _ in range(3):
        net.step()
    net.reset()
    t0 = time.perf_counter()
    net.step()
    net.step()
    probe = (time.perf_counter() - t0) / 2 * 1000
    steps = max(3, min(5000, round(cfg["roundMs"] / max(probe, 1e-6))))
    per_step = []
    for _ in range(cfg["rounds"]):
        net.reset()
        t0 = time.perf_counter()
        for _ in range(steps):
            net.step()
        per_step.append((time.perf_counter() - t0) * 1000 / steps)
    return {"perStep": per_step, "steps": steps}


def blas_info():
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg.get("Build Dependencies", {}).get("blas", {})
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # older numpy: no dict mode
        return "unknown BLAS"


def main():
    folder = sys.argv[1]
    cfg, X, Y, params = load(folder)
    np.seterr(over="ignore")
    results = {}
    for dtype in cfg["dtypes"]:
        net = Net(cfg, X, Y, params, dtype)
        _, grads = net.gradients()
        net.step()
        out = np.concatenate([g.astype(np.float64).ravel() for g in grads] +
                             [p.astype(np.float64).ravel() for p in net.params])
        out.tofile(os.path.join(folder, f"out-{dtype}.bin"))
        results[dtype] = timed(net, cfg)
    print(json.dumps({"numpy": np.__version__, "blas": blas_info(), "results": results}))


if __name__ == "__main__":
    main()
