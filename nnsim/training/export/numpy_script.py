"""The NumPy script: the article's code (forward_propagation, compute_loss,
backward_propagation, the update), corrected and generalised to the experiment, with only
the pieces it uses. :func:`numpy_script` returns its text; :mod:`nnsim.training.export`
writes it with its data file.
"""

from __future__ import annotations

from nnsim.training.export.numpy_maths import LOSSES, activation_text, optimizer_text
from nnsim.training.export.plan import ExportPlan
from nnsim.training.export.schedule_text import schedule_text
from nnsim.training.export.script_text import (
    batches_text,
    constants_text,
    docstring,
    loop_text,
    tidy,
)

_FORWARD = '''
def forward_propagation(X, params, buffers, train=True):
    """The forward pass, one sample per row (as nnsim and torch.nn.Linear):
    Z[l] = A[l−1]·W[l]ᵀ + b[l] with W[l] of shape (out, in), then A[l] = g_l(Z[l]).
    Returns the last layer's output A@L@ and the caches backward_propagation needs (the
    article's forward never stored A@L@, which its backward then read)."""
    caches = {"A0": X}
    A = X
    for l in range(1, L + 1):
        Z = A @ params[f"W{l}"].T + params[f"b{l}"]
@BATCH_NORM@        A = FORWARD[ACTIVATIONS[l - 1]](Z)
        caches[f"Z{l}"] = Z  # the activation's input
@DROPOUT@        caches[f"A{l}"] = A
    return A, caches
'''

_BATCH_NORM_CALL = """        if BATCH_NORM[l - 1]:
            Z = batch_norm_forward(Z, l, params, buffers, caches, train)
"""

_DROPOUT_CALL = """        if train and DROPOUT[l - 1] > 0.0:  # inverted dropout: E[A] unchanged
            caches[f"G{l}"] = A  # the activation's output, before dropout
            keep = 1.0 - DROPOUT[l - 1]
            caches[f"mask{l}"] = (dropout_rng.random(A.shape) < keep) * (1.0 / keep)
            A = A * caches[f"mask{l}"]
"""

_BACKWARD = '''
def backward_propagation(params, caches, Y):
    """Gradients of the loss for every parameter, from the last layer down to the first
    (the article's stopped at layer 2 and read W1 = params['W2']). The 1/m of the mean is
    in dZ@L@ already, so no layer divides by m again."""
    grads = {}
    dZ = output_delta(caches[f"Z{L}"], caches[f"A{L}"], Y)
    for l in range(L, 0, -1):
@BATCH_NORM@        grads[f"dW{l}"] = dZ.T @ caches[f"A{l - 1}"]  # (out, in), shaped like W
        grads[f"db{l}"] = dZ.sum(axis=0)
        if l > 1:
            dA = dZ @ params[f"W{l}"]  # dJ/dA[l−1]
            A = caches[f"A{l - 1}"]
@DROPOUT@            dZ = BACKWARD[ACTIVATIONS[l - 2]](caches[f"Z{l - 1}"], A, dA)
    return grads
'''

_BATCH_NORM_BACK = """        if BATCH_NORM[l - 1]:
            dZ = batch_norm_backward(dZ, l, params, caches, grads)
"""

_DROPOUT_BACK = """            if f"mask{l - 1}" in caches:  # back through dropout
                dA, A = dA * caches[f"mask{l - 1}"], caches[f"G{l - 1}"]
"""

_BATCH_NORM = '''
BN_EPS, BN_MOMENTUM = 1e-5, 0.1  # torch.nn.BatchNorm1d's


def batch_norm_forward(Z, l, params, buffers, caches, train):
    """Batch normalisation (torch.nn.BatchNorm1d): ẑ = (z − μ)/√(σ² + ε), out = γ·ẑ + β, with
    the batch's mean and (biased) variance in training, the running ones in evaluation."""
    gamma, beta = params[f"gamma{l}"], params[f"beta{l}"]
    if not train:
        scale = gamma / np.sqrt(buffers[f"running_var{l}"] + BN_EPS)
        return (Z - buffers[f"running_mean{l}"]) * scale + beta
    n = Z.shape[0]
    mu = Z.mean(axis=0)
    centred = Z - mu
    var = np.mean(centred * centred, axis=0)
    inv_std = 1.0 / np.sqrt(var + BN_EPS)
    Z_hat = centred * inv_std
    mean, variance = f"running_mean{l}", f"running_var{l}"
    buffers[mean] = buffers[mean] * (1.0 - BN_MOMENTUM) + BN_MOMENTUM * mu
    unbiased = (BN_MOMENTUM * n / (n - 1)) * var  # the running variance is unbiased, as torch's
    buffers[variance] = buffers[variance] * (1.0 - BN_MOMENTUM) + unbiased
    caches[f"Z_hat{l}"], caches[f"inv_std{l}"] = Z_hat, inv_std
    return Z_hat * gamma + beta


def batch_norm_backward(dY, l, params, caches, grads):
    """dJ/dγ, dJ/dβ into grads; returns dJ/dz = (g − mean(g) − ẑ·mean(g·ẑ))/√(σ² + ε)."""
    Z_hat, inv_std = caches[f"Z_hat{l}"], caches[f"inv_std{l}"]
    grads[f"dgamma{l}"] = np.sum(dY * Z_hat, axis=0)
    grads[f"dbeta{l}"] = np.sum(dY, axis=0)
    g = dY * params[f"gamma{l}"]
    return (g - g.mean(axis=0) - Z_hat * np.mean(g * Z_hat, axis=0)) * inv_std
'''

_PENALTY = {
    "l2": '''
def penalty(params):
    """L2 regularisation on the weights (never the biases): R = (rate/2)·ΣW²."""
    squares = sum(float(np.sum(params[f"W{l}"] ** 2)) for l in range(1, L + 1))
    return 0.5 * REGULARIZATION_RATE * squares


def add_penalty_gradient(params, grads):
    for l in range(1, L + 1):
        grads[f"dW{l}"] = grads[f"dW{l}"] + REGULARIZATION_RATE * params[f"W{l}"]  # dR/dW = rate·W
''',
    "l1": '''
def penalty(params):
    """L1 regularisation on the weights (never the biases): R = rate·Σ|W|."""
    return REGULARIZATION_RATE * sum(float(np.abs(params[f"W{l}"]).sum()) for l in range(1, L + 1))


def add_penalty_gradient(params, grads):
    for l in range(1, L + 1):
        grads[f"dW{l}"] = grads[f"dW{l}"] + REGULARIZATION_RATE * np.sign(params[f"W{l}"])
''',
}

_CLIP = {
    "norm": '''
def clip_gradients(grads):
    """torch.nn.utils.clip_grad_norm_: scale every gradient by max_norm/(‖g‖ + 1e-6) when
    the norm of all of them together is above MAX_NORM."""
    total = math.sqrt(sum(float(np.sum(g * g)) for g in grads.values()))
    coef = MAX_NORM / (total + 1e-6)
    if coef < 1.0:
        for key in grads:
            grads[key] = grads[key] * coef
''',
    "value": '''
def clip_gradients(grads):
    """torch.nn.utils.clip_grad_value_: clamp every gradient entry to ±CLIP_VALUE."""
    for key in grads:
        grads[key] = np.clip(grads[key], -CLIP_VALUE, CLIP_VALUE)
''',
}

_EVALUATE = '''
def evaluate(params, buffers, X, Y):
    """Loss and accuracy in evaluation mode@EVAL_NOTE@."""
    AL, caches = forward_propagation(X, params, buffers, train=False)
    loss = compute_loss(caches[f"Z{L}"], AL, Y)
@ACCURACY@
'''

_ACCURACY = {
    "binary": "    return loss, float(np.mean((AL[:, 0] > 0.5) == (Y[:, 0] > 0.5)))",
    "multiclass": "    return loss, float(np.mean(np.argmax(AL, axis=1) == Y))",
    "regression": "    return loss, math.nan  # regression: no accuracy",
}


def numpy_script(plan: ExportPlan, script_file: str, data_file: str) -> str:
    """The whole NumPy script ``script_file`` for ``plan``; it reads ``data_file`` (next to it)."""
    L = str(plan.depth)
    forward = _FORWARD.replace("@L@", L)
    forward = forward.replace("@BATCH_NORM@", _BATCH_NORM_CALL if plan.uses_batch_norm else "")
    forward = forward.replace("@DROPOUT@", _DROPOUT_CALL if plan.uses_dropout else "")
    backward = _BACKWARD.replace("@L@", L)
    backward = backward.replace("@BATCH_NORM@", _BATCH_NORM_BACK if plan.uses_batch_norm else "")
    backward = backward.replace("@DROPOUT@", _DROPOUT_BACK if plan.uses_dropout else "")
    output = plan.layers[-1].activation
    hidden = list(dict.fromkeys(layer.activation for layer in plan.layers[:-1]))
    backward_needed = hidden + ([output] if plan.loss == "mse" and output not in hidden else [])
    activations = "".join(
        activation_text(name, with_backward=name in backward_needed) for name in plan.activations
    )
    activations += "\n\nFORWARD = {" + ", ".join(f'"{a}": {a}' for a in plan.activations) + "}\n"
    activations += "BACKWARD = {" + ", ".join(f'"{a}": {a}_backward' for a in hidden) + "}\n"
    evaluate = _EVALUATE.replace("@ACCURACY@", _ACCURACY[plan.kind])
    note = " (running batch statistics)" if plan.uses_batch_norm else ""
    note += ", no dropout" if plan.uses_dropout else ""
    evaluate = evaluate.replace("@EVAL_NOTE@", note)
    parts = [
        docstring(plan, script_file, data_file, "numpy"),
        _imports(plan),
        constants_text(plan, data_file),
        "\n# -- activations: each one's value and derivative side by side --\n" + activations,
        _BATCH_NORM if plan.uses_batch_norm else "",
        "\n# -- the forward pass, the loss, the backward pass --\n" + forward,
        LOSSES[plan.loss].replace("@OUTPUT@", output),
        backward,
        _PENALTY.get(plan.regularization, "") if plan.regularization_rate else "",
        _CLIP[plan.clip_mode] if plan.clip_mode else "",
        "\n# -- the update --\n" + optimizer_text(plan),
        "\n# -- the learning rate --\n" + schedule_text(plan),
        evaluate,
        batches_text(),
        loop_text(plan, "numpy"),
    ]
    return tidy("".join(parts))


def _imports(plan: ExportPlan) -> str:
    return (
        "import math\nfrom pathlib import Path\n\nimport numpy as np\n\n"
        'np.seterr(all="ignore")  # a run that blows up is reported below, not warned about\n'
    )
