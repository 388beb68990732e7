"""What the NumPy and the PyTorch scripts share, as source text: the docstring, the settings
and the data they read, nnsim's batch order, and the training loop around the step.
"""

from __future__ import annotations

from nnsim.training.export.plan import ExportPlan
from nnsim.training.export.schedule_text import CONSTANT_NAMES

OPTIMIZER_TITLES = {
    "sgd": "SGD",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "adamw": "AdamW",
}
LOSS_TITLES = {
    "bce": "binary cross-entropy",
    "cross_entropy": "softmax cross-entropy",
    "mse": "mean squared error",
}
_CORRECTIONS = """
This is the article's code (反向传播、梯度下降与学习率) corrected and generalised:
- one sample per row, as in nnsim and torch.nn.Linear: Z = A_prev·Wᵀ + b with W of shape
  (out, in) (the article computes W·X, one sample per column, but passes X as a row);
- forward_propagation keeps the last layer's output A{L} in its caches (the article's
  backward read caches['A3'], which its forward never stored);
- each activation's derivative is taken where it belongs: σ' = A·(1 − A) from the output A
  (the article's sigmoid_derivative(x) = x·(1 − x) only holds for x = σ(z));
- backward_propagation goes down to the first layer, with each layer's own W (the article
  stopped at dW2 and read W1 = params['W2']);
- compute_loss is what the article's formula is, a cross-entropy (its text calls it the mean
  squared error), computed from the logits so it never takes log(0).
"""


def docstring(plan: ExportPlan, script_file: str, data_file: str, to: str) -> str:
    """The script's opening docstring: what it trains, how, and how to run it."""
    sizes = [str(plan.layers[0].fan_in)]
    sizes += [f"{layer.units} {layer.activation}" for layer in plan.layers]
    extras = []
    if plan.uses_batch_norm:
        extras.append("batch-norm")
    if plan.uses_dropout:
        extras.append("dropout")
    if plan.regularization_rate and plan.regularization != "none":
        extras.append(f"{plan.regularization.upper()} {plan.regularization_rate:g}")
    if plan.clip_mode:
        extras.append(f"gradient clipping ({plan.clip_mode} {plan.clip_threshold:g})")
    lib = "NumPy only" if to == "numpy" else "PyTorch (float64)"
    batch = "the whole training set" if plan.batch_size == "all" else f"{plan.batch_size} points"
    text = f'''"""Train the experiment "{plan.name}" exactly as nnsim does, with {lib}.

Network: {" → ".join(sizes)} (inputs: {", ".join(plan.features)}); loss: {LOSS_TITLES[plan.loss]}.
Training: {OPTIMIZER_TITLES[plan.optimizer]}, schedule {plan.schedule} (per {plan.schedule_unit}),
batches of {batch}, reshuffled every pass{"; " + ", ".join(extras) if extras else ""}.
Initial weights: nnsim's ({plan.init}, seed {plan.seed}).

Run it with `python {script_file}`: it reads the data and the initial weights from
{data_file} (next to it), trains {plan.steps} steps, prints the loss now and then, and writes
weights_final.npz (W1, b1, W2, b2, …, as `nnsim run` does) into the folder it is run from.
Its final weights are nnsim's to rounding (≤ {"1e-12" if to == "numpy" else "1e-9"}).
'''
    if to == "numpy":
        text += _CORRECTIONS.replace("{L}", str(plan.depth))
    return text + '"""\n\n'


def constants_text(plan: ExportPlan, data_file: str, *, layers: bool = True) -> str:
    """The settings as named constants, and the data file read into arrays."""
    lines = [
        "",
        f"STEPS = {plan.steps}  # mini-batch steps to train",
        f"SEED = {plan.seed}  # the experiment's seed: nnsim's shuffling order comes from it",
        f"BATCH_SIZE = {plan.batch_size!r}  # points per mini-batch"
        + (' ("all": the whole training set)' if plan.batch_size == "all" else ""),
    ]
    if layers:
        lines += [
            f"L = {plan.depth}  # layers with weights: {plan.depth - 1} hidden + the output layer",
            f"ACTIVATIONS = {[layer.activation for layer in plan.layers]!r}  # g1 … g{plan.depth}",
        ]
        if plan.uses_batch_norm:
            lines.append(f"BATCH_NORM = {[layer.batch_norm for layer in plan.layers]!r}")
        if plan.uses_dropout:
            lines.append(f"DROPOUT = {[layer.dropout for layer in plan.layers]!r}  # drop rates")
    hp = plan.optimizer_params
    lines.append(f"LEARNING_RATE = {hp['lr']!r}  # η")
    for key, value in hp.items():
        if key == "lr":
            continue
        if key == "betas":
            lines += [f"BETA1, BETA2 = {value[0]!r}, {value[1]!r}"]
        else:
            lines.append(f"{key.upper()} = {value!r}")
    for key, constant in CONSTANT_NAMES.get(plan.schedule, {}).items():
        lines.append(f"{constant} = {plan.schedule_params[key]!r}")
    lines.append(f"WARMUP_STEPS = {plan.warmup_steps}")
    if plan.regularization != "none" and plan.regularization_rate:
        lines.append(f"REGULARIZATION_RATE = {plan.regularization_rate!r}  # {plan.regularization}")
    if plan.clip_mode == "norm":
        lines.append(f"MAX_NORM = {plan.clip_threshold!r}")
    elif plan.clip_mode == "value":
        lines.append(f"CLIP_VALUE = {plan.clip_threshold!r}")
    if layers:
        lines += [
            f"PARAMETER_NAMES = {plan.parameter_names!r}",
            f"BUFFER_NAMES = {plan.buffer_names!r}  # batch-norm running statistics",
        ]
    lines += [
        "",
        f'DATA = np.load(Path(__file__).with_name("{data_file}"))',
        f'X_train, Y_train = DATA["X_train"], DATA["Y_train"]  # one sample per row: '
        f"{', '.join(plan.features)}",
        'X_test, Y_test = DATA["X_test"], DATA["Y_test"]',
    ]
    if plan.uses_dropout:
        lines += [
            "# as nnsim: SeedSequence(SEED).spawn(3)[1] draws the dropout masks, [2] the shuffles",
            "dropout_rng = np.random.default_rng(np.random.SeedSequence(SEED).spawn(3)[1])",
        ]
    return "\n".join(lines) + "\n"


def batches_text() -> str:
    """``batch_bounds``: nnsim's mini-batches of a pass."""
    return '''

def batch_bounds(n, batch_size):
    """(start, end) of each mini-batch of a pass over n shuffled points; a last batch of
    one point joins the one before it (batch-norm needs two), as nnsim's."""
    size = n if batch_size == "all" else min(int(batch_size), n)
    bounds = [(s, min(s + size, n)) for s in range(0, n, size)]
    if len(bounds) > 1 and bounds[-1][1] - bounds[-1][0] == 1:
        bounds[-2:] = [(bounds[-2][0], n)]
    return bounds
'''


def loop_text(plan: ExportPlan, to: str) -> str:
    """``train()``: nnsim's batch order, the schedule's t, the step, the divergence checks and
    ``weights_final.npz``; the step itself is :mod:`.step_text`'s for the script's kind."""
    from nnsim.training.export.step_text import has_scheduler, numpy_step, pytorch_step

    position = (
        "step - 1  # completed steps"
        if plan.schedule_unit == "step"
        else "epochs_done  # completed passes"
    )
    end_of_pass = "                epochs_done += 1\n"
    if plan.schedule == "plateau":
        end_of_pass += (
            "                if epoch_losses:  # the plateau watches each pass's mean loss\n"
        )
        end_of_pass += (
            "                    plateau.observe(float(np.mean(epoch_losses)))\n"
            if to == "numpy"
            else "                    scheduler.step(float(np.mean(epoch_losses)))\n"
        )
    elif to == "pytorch" and plan.schedule_unit == "epoch" and has_scheduler(plan):
        end_of_pass += "                step_scheduler(epochs_done)\n"
    setup, step, finish = numpy_step(plan) if to == "numpy" else pytorch_step(plan)
    text = f"""

def train():
@SETUP@
    shuffle_rng = np.random.default_rng(np.random.SeedSequence(SEED).spawn(3)[2])
    bounds = batch_bounds(len(X_train), BATCH_SIZE)
    batch_index = len(bounds)  # at the end of a pass: the first step starts one
    epochs_done, epoch_losses = 0, []
    print_every = max(1, STEPS // 10)
    for step in range(1, STEPS + 1):
        if batch_index == len(bounds):  # a new pass over the training set, freshly shuffled
            if step > 1:
{end_of_pass}                epoch_losses = []
            order = shuffle_rng.permutation(len(X_train))
            X_pass, Y_pass = X_train[order], Y_train[order]
            batch_index = 0
        start, end = bounds[batch_index]
        batch_index += 1
        X, Y = X_pass[start:end], Y_pass[start:end]
        t = {position}
{step}        epoch_losses.append(loss)
        if step % print_every == 0 or step == STEPS:
            print(f"step {{step}}/{{STEPS}}  loss {{loss:.4f}}  lr {{lr:.3g}}")
@FINISH@

if __name__ == "__main__":
    train()
"""
    return text.replace("@SETUP@\n", setup).replace("@FINISH@\n", finish)


def tidy(text: str) -> str:
    """Two blank lines before each top-level ``def``, ``class``, section comment or main
    guard (none between a section comment and what it introduces), at most two anywhere."""
    out: list[str] = []
    blanks = 0
    for line in text.split("\n"):
        if not line.strip():
            blanks += 1
            continue
        top = line.startswith(("def ", "class ", "# -- ", 'if __name__ == "__main__"'))
        if not out:
            gap = 0
        elif top:
            gap = 0 if out[-1].startswith("# -- ") else 2
        else:
            gap = min(blanks, 2)
        out += [""] * gap
        out.append(line)
        blanks = 0
    return "\n".join(out) + "\n"
