"""The maths of the NumPy script, as source text: each activation's forward and backward,
each loss, each optimizer's update and each learning-rate schedule, written out line by line
as the engine computes them (the same NumPy calls in the same order, so the script's weights
match nnsim's to rounding). :mod:`.numpy_script` picks the pieces an experiment needs.
"""

from __future__ import annotations

from nnsim.training.export.plan import ExportPlan

ACTIVATIONS = {
    "linear": """
def linear(Z):
    return Z


def linear_backward(Z, A, dA):
    return dA  # da/dz = 1
""",
    "sigmoid": '''
def sigmoid(Z):
    """σ(z) = 1 / (1 + e^(−z)), e^(−z) capped at e^708 (beyond, σ would be denormal)."""
    return 1.0 / (1.0 + np.exp(np.minimum(-Z, 708.0)))


def sigmoid_backward(Z, A, dA):
    # σ'(z) = σ(z)·(1 − σ(z)), from the output A = σ(z). (The article's
    # sigmoid_derivative(x) = x·(1 − x) is this, but only when x is the output.)
    return dA * (A * (1.0 - A))
''',
    "tanh": """
def tanh(Z):
    return np.tanh(Z)


def tanh_backward(Z, A, dA):
    return dA * (1.0 - A * A)  # tanh' = 1 − tanh²
""",
    "relu": """
def relu(Z):
    return np.maximum(Z, 0.0)


def relu_backward(Z, A, dA):
    return dA * (Z > 0.0)  # 1 where z > 0, else 0 (0 at z = 0, as PyTorch)
""",
    "leaky_relu": """
def leaky_relu(Z):
    return np.where(Z > 0.0, Z, 0.01 * Z)


def leaky_relu_backward(Z, A, dA):
    return np.where(Z > 0.0, dA, 0.01 * dA)
""",
    "elu": """
def elu(Z):
    return np.where(Z > 0.0, Z, np.expm1(np.minimum(Z, 0.0)))  # min() keeps exp finite


def elu_backward(Z, A, dA):
    return np.where(Z > 0.0, dA, dA * (A + 1.0))  # (e^z − 1)' = e^z = a + 1
""",
    "gelu": """
erf = np.frompyfunc(math.erf, 1, 1)  # the error function, element-wise, exact


def gelu(Z):
    return 0.5 * Z * (1.0 + erf(Z * math.sqrt(0.5)).astype(np.float64))  # z·Φ(z)


def gelu_backward(Z, A, dA):
    cdf = 0.5 * (1.0 + erf(Z * math.sqrt(0.5)).astype(np.float64))
    pdf = (1.0 / math.sqrt(2.0 * math.pi)) * np.exp(-0.5 * Z * Z)
    return dA * (cdf + Z * pdf)  # (zΦ)' = Φ + z·φ
""",
    "silu": """
def silu(Z):
    return Z * (1.0 / (1.0 + np.exp(np.minimum(-Z, 708.0))))  # z·σ(z)


def silu_backward(Z, A, dA):
    s = 1.0 / (1.0 + np.exp(np.minimum(-Z, 708.0)))
    return dA * (s * (1.0 + Z * (1.0 - s)))  # (zσ)' = σ + zσ(1 − σ)
""",
    "sine": """
def sine(Z):
    return np.sin(Z)


def sine_backward(Z, A, dA):
    return dA * np.cos(Z)
""",
    "softmax": '''
def softmax(Z):
    """Each row's e^z / Σ e^z (the largest z subtracted first, so exp never overflows)."""
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def softmax_backward(Z, A, dA):
    return A * (dA - np.sum(A * dA, axis=1, keepdims=True))  # the Jacobian times dA
''',
}


def activation_text(name: str, with_backward: bool) -> str:
    """The activation's function, and its ``_backward`` if asked for."""
    text = ACTIVATIONS[name]
    if with_backward:
        return text
    return text.split(f"\n\ndef {name}_backward", 1)[0] + "\n"


LOSSES = {
    "bce": '''
def compute_loss(ZL, AL, Y):
    """Binary cross-entropy J = −mean(y·log a + (1 − y)·log(1 − a)), as the article's
    compute_loss, but from the logits Z: max(z, 0) − z·y + log(1 + e^(−|z|)) is the same
    number and never takes log(0) once the sigmoid saturates."""
    t = np.maximum(ZL, 0.0) - ZL * Y + np.log1p(np.exp(-np.abs(ZL)))
    return float(t.sum()) / t.size


def output_delta(ZL, AL, Y):
    """dJ/dZ of the last layer: sigmoid and cross-entropy together give (A − Y)/m."""
    return (AL - Y) * (1.0 / ZL.shape[0])
''',
    "cross_entropy": '''
def compute_loss(ZL, AL, Y):
    """Softmax cross-entropy J = mean(log Σ e^z − z[label]), as torch.nn.CrossEntropyLoss."""
    top = ZL.max(axis=1, keepdims=True)
    log_sum_exp = np.log(np.exp(ZL - top).sum(axis=1)) + top[:, 0]
    return float(np.mean(log_sum_exp - ZL[np.arange(ZL.shape[0]), Y]))


def output_delta(ZL, AL, Y):
    """dJ/dZ of the last layer: softmax and cross-entropy together give (A − one_hot(Y))/m."""
    dZ = AL.copy()
    dZ[np.arange(ZL.shape[0]), Y] -= 1.0
    return dZ * (1.0 / ZL.shape[0])
''',
    "mse": '''
def compute_loss(ZL, AL, Y):
    """Mean squared error J = mean((a − y)²) over every output, as torch.nn.MSELoss."""
    D = AL - Y
    return float(np.mean(D * D))


def output_delta(ZL, AL, Y):
    """dJ/dZ of the last layer: dJ/dA = 2(A − Y)/(m·k), then through its activation."""
    dA = (AL - Y) * (2.0 / AL.size)
    return @OUTPUT@_backward(ZL, AL, dA)
''',
}


def optimizer_text(plan: ExportPlan) -> str:
    """``init_optimizer`` and ``update_parameters`` for the plan's optimizer, with only the
    branches its hyper-parameters switch on (one-cycle's momentum is checked at each step)."""
    hp, name = plan.optimizer_params, plan.optimizer
    decay = hp.get("weight_decay", 0.0) != 0
    if name == "sgd":
        return _sgd(hp, decay, plan.cycles_momentum)
    if name == "adagrad":
        return _adagrad(decay)
    if name == "rmsprop":
        return _rmsprop(hp, decay, plan.cycles_momentum)
    return _adam(hp, decay, name == "adamw", plan.cycles_momentum)


def _sgd(hp: dict, decay: bool, cycled: bool) -> str:
    momentum = cycled or hp["momentum"] != 0
    args = ", momentum" if cycled else ""
    body = '''
def init_optimizer(params):
    return {"step": 0, "momentum_buffer": {}}


def update_parameters(params, grads, state, lr@ARGS@):
    """One step of torch.optim.SGD on every parameter:
    g ← ∇J (+ λθ);  b ← g at first, then b ← μ·b + (1 − τ)·g;  θ ← θ − η·b."""
    state["step"] += 1
    for key in params:
        g = grads["d" + key]
'''.replace("@ARGS@", args)
    if decay:
        body += "        g = g + WEIGHT_DECAY * params[key]  # weight decay: g ← g + λθ\n"
    mu = "momentum" if cycled else "MOMENTUM"
    if momentum:
        body += f"        if {mu} != 0:\n" if cycled else ""
        pad = "    " if cycled else ""
        look_ahead = f"g + {mu} * b" if hp["nesterov"] else "b"
        body += f"""{pad}        buffers = state["momentum_buffer"]
{pad}        if key not in buffers:
{pad}            buffers[key] = g.copy()  # b ← g on the first step
{pad}        else:
{pad}            buffers[key] = {mu} * buffers[key] + (1 - DAMPENING) * g
{pad}        b = buffers[key]
{pad}        g = {look_ahead}{"  # Nesterov: look ahead along b" if hp["nesterov"] else ""}
"""
    body += "        params[key] = params[key] - lr * g  # θ ← θ − η·g\n"
    return body


def _adagrad(decay: bool) -> str:
    body = '''
def init_optimizer(params):
    sums = {key: np.full_like(p, INITIAL_ACCUMULATOR_VALUE) for key, p in params.items()}
    return {"step": 0, "sum": sums}


def update_parameters(params, grads, state, lr):
    """One step of torch.optim.Adagrad: s ← s + g²;  θ ← θ − η̃·g / (√s + ε)."""
    state["step"] += 1
    decayed_lr = lr / (1 + (state["step"] - 1) * LR_DECAY)  # η̃ = η / (1 + (t − 1)·lr_decay)
    for key in params:
        g = grads["d" + key]
'''
    if decay:
        body += "        g = g + WEIGHT_DECAY * params[key]  # weight decay: g ← g + λθ\n"
    return (
        body
        + """        state["sum"][key] = state["sum"][key] + g * g
        params[key] = params[key] - decayed_lr * (g / (np.sqrt(state["sum"][key]) + EPS))
"""
    )


def _rmsprop(hp: dict, decay: bool, cycled: bool) -> str:
    args = ", momentum" if cycled else ""
    body = '''
def init_optimizer(params):
    zeros = {key: np.zeros_like(p) for key, p in params.items()}
    state = {"step": 0, "square_avg": zeros}
    state["grad_avg"] = {key: np.zeros_like(p) for key, p in params.items()}
    state["momentum_buffer"] = {key: np.zeros_like(p) for key, p in params.items()}
    return state


def update_parameters(params, grads, state, lr@ARGS@):
    """One step of torch.optim.RMSprop: v ← α·v + (1 − α)·g²;  θ ← θ − η·g / (√v + ε)."""
    state["step"] += 1
    for key in params:
        g = grads["d" + key]
'''.replace("@ARGS@", args)
    if decay:
        body += "        g = g + WEIGHT_DECAY * params[key]  # weight decay: g ← g + λθ\n"
    body += """        v = ALPHA * state["square_avg"][key] + (1 - ALPHA) * (g * g)
        state["square_avg"][key] = v
"""
    if hp["centered"]:
        body += """        g_avg = ALPHA * state["grad_avg"][key] + (1 - ALPHA) * g
        state["grad_avg"][key] = g_avg
        v = np.maximum(v - g_avg * g_avg, 0.0)  # centred: an estimate of the variance
"""
    body += "        step = g / (np.sqrt(v) + EPS)\n"
    mu = "momentum" if cycled else "MOMENTUM"
    if cycled or hp["momentum"] != 0:
        pad = "    " if cycled else ""
        body += f"        if {mu} != 0:\n" if cycled else ""
        body += f"""{pad}        step = {mu} * state["momentum_buffer"][key] + step
{pad}        state["momentum_buffer"][key] = step
"""
    return body + "        params[key] = params[key] - lr * step\n"


def _adam(hp: dict, decay: bool, decoupled: bool, cycled: bool) -> str:
    title = "AdamW" if decoupled else "Adam"
    args, beta1 = (", beta1", "beta1") if cycled else ("", "BETA1")
    body = f'''
def init_optimizer(params):
    state = {{"step": 0}}
    state["m"] = {{key: np.zeros_like(p) for key, p in params.items()}}
    state["v"] = {{key: np.zeros_like(p) for key, p in params.items()}}
    state["v_max"] = {{key: np.zeros_like(p) for key, p in params.items()}}
    return state


def update_parameters(params, grads, state, lr{args}):
    """One step of torch.optim.{title}: m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;
    θ ← θ − η·m̂ / (√v̂ + ε) with the bias corrections m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)."""
    state["step"] += 1
    t = state["step"]
    bias_correction1 = 1 - {beta1} ** t
    bias_correction2 = 1 - BETA2**t
    for key in params:
        g = grads["d" + key]
'''
    if decay and decoupled:
        body += "        params[key] = params[key] * (1 - lr * WEIGHT_DECAY)  # θ ← θ − ηλθ\n"
    elif decay:
        body += "        g = g + WEIGHT_DECAY * params[key]  # weight decay: g ← g + λθ\n"
    body += f"""        m = state["m"][key] = {beta1} * state["m"][key] + (1 - {beta1}) * g
        v = state["v"][key] = BETA2 * state["v"][key] + (1 - BETA2) * (g * g)
"""
    if hp["amsgrad"]:
        body += """        v = state["v_max"][key] = np.maximum(state["v_max"][key], v)  # AMSGrad
"""
    return (
        body
        + """\
        # θ ← θ − η·m̂/(√v̂ + ε), as torch computes it: (η/(1 − β₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + ε)
        denom = np.sqrt(v) / math.sqrt(bias_correction2) + EPS
        params[key] = params[key] - (lr / bias_correction1) * (m / denom)
"""
    )
