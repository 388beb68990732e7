"""The PyTorch script: the experiment as a ``torch.nn.Sequential`` in float64, trained with
``torch.optim`` and the ``torch.optim.lr_scheduler`` classes, in nnsim's batch order from
nnsim's initial weights. :func:`pytorch_script` returns its text.
"""

from __future__ import annotations

from nnsim.training.export.plan import ExportPlan
from nnsim.training.export.script_text import (
    OPTIMIZER_TITLES,
    batches_text,
    constants_text,
    docstring,
    loop_text,
    tidy,
)
from nnsim.training.export.step_text import has_scheduler

MODULES = {
    "linear": None,
    "sigmoid": "torch.nn.Sigmoid()",
    "tanh": "torch.nn.Tanh()",
    "relu": "torch.nn.ReLU()",
    "leaky_relu": "torch.nn.LeakyReLU(0.01)",
    "elu": "torch.nn.ELU()",
    "gelu": "torch.nn.GELU()",  # the exact, erf form (approximate="none")
    "silu": "torch.nn.SiLU()",
    "sine": "Sine()",
    "softmax": "torch.nn.Softmax(dim=1)",
}

_SINE = '''

class Sine(torch.nn.Module):
    """a = sin(z) (torch has no module for it)."""

    def forward(self, z):
        return torch.sin(z)
'''

_DROPOUT = '''

class NnsimDropout(torch.nn.Module):
    """Inverted dropout with nnsim's masks, drawn from NumPy's generator in nnsim's order
    (torch.nn.Dropout would draw other masks, from torch's generator)."""

    def __init__(self, p):
        super().__init__()
        self.p = p

    def forward(self, a):
        if not self.training:
            return a
        keep = 1.0 - self.p
        mask = (dropout_rng.random(tuple(a.shape)) < keep) * (1.0 / keep)
        return a * torch.from_numpy(mask)
'''

LOSS_MODULES = {
    "bce": "torch.nn.BCEWithLogitsLoss()  # the sigmoid is in the loss: the model gives logits",
    "cross_entropy": "torch.nn.CrossEntropyLoss()  # the softmax is in the loss: logits",
    "mse": "torch.nn.MSELoss()",
}

_ACCURACY = {
    "binary": "    return loss, float(((output[:, 0] > 0) == (Y[:, 0] > 0.5)).double().mean())",
    "multiclass": "    return loss, float((output.argmax(dim=1) == Y).double().mean())",
    "regression": "    return loss, math.nan  # regression: no accuracy",
}


def pytorch_script(plan: ExportPlan, script_file: str, data_file: str) -> str:
    """The whole PyTorch script ``script_file`` for ``plan``; it reads ``data_file``."""
    parts = [
        docstring(plan, script_file, data_file, "pytorch"),
        "import math\nfrom pathlib import Path\n\nimport numpy as np\nimport torch\n\n",
        "torch.set_default_dtype(torch.float64)  # nnsim computes in float64\n"
        "torch.set_num_threads(1)  # a small network: threads would cost more than they save\n",
        constants_text(plan, data_file, layers=False),
        _SINE if "sine" in plan.activations else "",
        _DROPOUT if plan.uses_dropout else "",
        _model(plan),
        f"loss_function = {LOSS_MODULES[plan.loss]}\n",
        _penalty(plan),
        _optimizer(plan),
        _scheduler(plan),
        _evaluate(plan),
        batches_text(),
        loop_text(plan, "pytorch"),
    ]
    return tidy("".join(parts))


def _model(plan: ExportPlan) -> str:
    rows: list[str] = []
    names: list[str] = []
    buffers: list[str] = []
    fused = plan.loss in ("bce", "cross_entropy")
    for layer in plan.layers:
        k = layer.index
        names += [f'"W{k}": model[{len(rows)}].weight', f'"b{k}": model[{len(rows)}].bias']
        rows.append(f"torch.nn.Linear({layer.fan_in}, {layer.units}),  # W{k}, b{k}")
        if layer.batch_norm:
            i = len(rows)
            names += [f'"gamma{k}": model[{i}].weight', f'"beta{k}": model[{i}].bias']
            buffers += [
                f'"running_mean{k}": model[{i}].running_mean',
                f'"running_var{k}": model[{i}].running_var',
            ]
            rows.append(f"torch.nn.BatchNorm1d({layer.units}),  # gamma{k}, beta{k}")
        last = k == plan.depth
        module = MODULES[layer.activation]
        if module is not None and not (last and fused):
            rows.append(f"{module},")
        if layer.dropout > 0.0:
            rows.append(f"NnsimDropout({layer.dropout!r}),")
    body = "".join(f"    {row}\n" for row in rows)
    params = "".join(f"    {name},\n" for name in names)
    bufs = "".join(f"    {name},\n" for name in buffers)
    return f'''

model = torch.nn.Sequential(
{body})
# nnsim's names for the model's tensors (weights_final.npz uses them)
PARAMETERS = {{
{params}}}
BUFFERS = {{{chr(10) + bufs if bufs else ""}}}


def load_initial_weights():
    """nnsim's initial weights ({plan.init}, seed {plan.seed}); W is (out, in), as torch's."""
    with torch.no_grad():
        for name, tensor in {{**PARAMETERS, **BUFFERS}}.items():
            tensor.copy_(torch.from_numpy(DATA[name]))

'''


def _penalty(plan: ExportPlan) -> str:
    if plan.regularization == "none" or not plan.regularization_rate:
        return ""
    weights = ", ".join(f'PARAMETERS["W{layer.index}"]' for layer in plan.layers)
    if plan.regularization == "l2":
        term = "0.5 * REGULARIZATION_RATE * sum((W * W).sum() for W in WEIGHTS)"
        what = "L2: (rate/2)·ΣW²"
    else:
        term = "REGULARIZATION_RATE * sum(W.abs().sum() for W in WEIGHTS)"
        what = "L1: rate·Σ|W|"
    return f'''

WEIGHTS = [{weights}]  # the penalty is on the weights, never the biases


def penalty():
    """{what}, added to the loss so that autograd adds its gradient."""
    return {term}
'''


_KEYWORDS = {
    "sgd": ("momentum", "dampening", "nesterov", "weight_decay"),
    "adagrad": ("lr_decay", "weight_decay", "initial_accumulator_value", "eps"),
    "rmsprop": ("alpha", "eps", "weight_decay", "momentum", "centered"),
    "adam": ("betas", "eps", "weight_decay", "amsgrad"),
    "adamw": ("betas", "eps", "weight_decay", "amsgrad"),
}


def _optimizer(plan: ExportPlan) -> str:
    args = ["model.parameters()", "lr=LEARNING_RATE"]
    for key in _KEYWORDS[plan.optimizer]:
        args.append("betas=(BETA1, BETA2)" if key == "betas" else f"{key}={key.upper()}")
    cls = OPTIMIZER_TITLES[plan.optimizer]
    return f"\noptimizer = torch.optim.{cls}(\n    " + ",\n    ".join(args) + ",\n)\n"


def _base_scheduler(plan: ExportPlan) -> str:
    p, S = plan.schedule_params, "torch.optim.lr_scheduler"
    name = plan.schedule
    if name == "inverse_time":
        p_text = "math.floor(t / DECAY_STEPS)" if p["staircase"] else "t / DECAY_STEPS"
        return (
            f"{S}.LambdaLR(\n    optimizer, lambda t: 1.0 / (1.0 + DECAY_RATE * {p_text})\n)"
            "  # Keras's InverseTimeDecay"
        )
    if name == "step":
        return f"{S}.StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)"
    if name == "exponential":
        return f"{S}.ExponentialLR(optimizer, gamma=GAMMA)"
    if name == "cosine" and p["restarts"]:
        return (
            f"{S}.CosineAnnealingWarmRestarts(\n"
            "    optimizer, T_0=T_0, T_mult=T_MULT, eta_min=ETA_MIN\n)"
        )
    if name == "cosine":
        return f"{S}.CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=ETA_MIN)"
    if name == "one_cycle":
        return f"""{S}.OneCycleLR(
    optimizer,
    max_lr=MAX_LR,
    total_steps=TOTAL_STEPS,
    pct_start=PCT_START,
    anneal_strategy={p["anneal_strategy"]!r},
    cycle_momentum={plan.cycles_momentum!r},
    base_momentum=BASE_MOMENTUM,
    max_momentum=MAX_MOMENTUM,
    div_factor=DIV_FACTOR,
    final_div_factor=FINAL_DIV_FACTOR,
    three_phase={p["three_phase"]!r},
)"""
    if name == "plateau":
        return f"""{S}.ReduceLROnPlateau(
    optimizer,
    mode=MODE,
    factor=FACTOR,
    patience=PATIENCE,
    threshold=THRESHOLD,
    threshold_mode=THRESHOLD_MODE,
    cooldown=COOLDOWN,
    min_lr=MIN_LR,
    eps=EPS_LR,
)  # stepped with each pass's mean training loss"""
    return ""


def _scheduler(plan: ExportPlan) -> str:
    if not has_scheduler(plan):
        return "\n# a constant learning rate: no scheduler\n"
    S = "torch.optim.lr_scheduler"
    base = _base_scheduler(plan)
    if plan.warmup_steps:
        warm = (
            f"{S}.LinearLR(\n    optimizer, start_factor=1 / (WARMUP_STEPS + 1), end_factor=1.0, "
            "total_iters=WARMUP_STEPS\n)"
        )
        if plan.schedule == "constant":
            text = f"\nscheduler = {warm}  # linear warm-up, then constant\n"
        else:
            text = f"\nwarmup = {warm}\nschedule = {base}\n"
            text += (
                f"scheduler = {S}.SequentialLR(\n    optimizer, [warmup, schedule], "
                "milestones=[WARMUP_STEPS]\n)\n"
            )
    else:
        text = f"\nscheduler = {base}\n"
    if plan.schedule == "plateau":
        return text
    unit = "steps" if plan.schedule_unit == "step" else "passes over the training set"
    guard = ""
    if plan.schedule == "one_cycle":  # torch raises past total_steps; nnsim holds the end
        guard = "    if t <= TOTAL_STEPS - 1:  # after the cycle, nnsim holds its last rate\n    "
    return (
        text
        + f'''

def step_scheduler(t):
    """After t completed {unit}: the scheduler sets the rate for the next."""
{guard}    scheduler.step()
'''
    )


def _evaluate(plan: ExportPlan) -> str:
    return f'''

def evaluate(X, Y):
    """Loss and accuracy in evaluation mode (running batch statistics, no dropout)."""
    model.eval()
    with torch.no_grad():
        X, Y = torch.from_numpy(X), torch.from_numpy(Y)
        output = model(X)
        loss = float(loss_function(output, Y))
{_ACCURACY[plan.kind]}
'''
