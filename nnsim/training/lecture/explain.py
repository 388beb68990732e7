"""The formula of a phase written out with the engine's numbers, as rich text.

``explain(phase, neuron, weight)`` returns lines of simple HTML (``<b>``, ``<sup>``) for the
lecture mode's numbers panel: a heading, the formula in symbols, then the formula for one
chosen neuron / weight and one sample of the batch with the actual values::

    Z¹₀ = W¹₀₀·X₀ + W¹₀₁·X₁ + b¹₀ = 0.1234·1 + (−0.0456)·2 + 0 = <b>0.0322</b>
    A¹₀ = σ(Z¹₀) = σ(0.0322) = <b>0.508</b>
    dZ² = A² − Y = 0.7311 − 0.6 = <b>0.1311</b>
    W²₀ ← W²₀ − η·dW²₀ = 0.0123 − 0.1·0.0456 = <b>0.0077</b>

Every value written is read from the phase arrays of the step (never recomputed here), so
the numbers shown are the engine's; indices are sub/superscript characters, so
:func:`~nnsim.training.lecture.formatting.numbers_in` reads back exactly the values (and
the few integer constants of the formulas, like the 1 of ``1 − A``). Indices are clamped
to the layer's size, so a neuron chosen in a wide layer stays valid in a narrow one.
"""

from __future__ import annotations

import html

from nnsim.training.lecture.backward import explain_backward
from nnsim.training.lecture.context import (
    ACTIVATION_SYMBOLS,
    LOSS_TITLES,
    THE_LOSS,
    StepContext,
    layer_of,
)
from nnsim.training.lecture.formatting import (
    MAX_TERMS,
    Translate,
    Writer,
    clamp_index,
    format_number,
    input_symbol,
    shown_index,
    sub,
    symbol,
)
from nnsim.training.phases import Phase
from nnsim.training.results import StepResult
from nnsim.training.text import QT_TR_NOOP, Sentence

_STEP_RULES = {
    "sgd": QT_TR_NOOP("step = −η·v, with the velocity v ← μ·v + dW"),
    # m and v without hats: Qt draws a combining circumflex (m̂) over the line above
    "adam": QT_TR_NOOP(
        "step = −η·m/(√v + ε): m and v are running averages of dW and dW², bias-corrected"
    ),
    "adamw": QT_TR_NOOP("step = −η·(m/(√v + ε) + λ·W): Adam plus a decay of the weights"),
    "rmsprop": QT_TR_NOOP("step = −η·dW/(√v + ε), v a running average of dW²"),
    "adagrad": QT_TR_NOOP("step = −η·dW/(√G + ε), G the sum of every dW² so far"),
}

_CLIPPED = {
    "norm": QT_TR_NOOP("the gradients were clipped (by norm) before the step"),
    "value": QT_TR_NOOP("the gradients were clipped (by value) before the step"),
    None: QT_TR_NOOP("the gradients were clipped (by {mode}) before the step"),
}


def explain(
    phase: Phase,
    neuron: int = 0,
    weight: tuple[int, int] = (0, 0),
    digits: int = 4,
    *,
    layer: int | None = None,
    sample: int = 0,
    context: StepContext | None = None,
    translate: Translate = str,
) -> list[str]:
    """The formula of ``phase`` with the engine's values, as lines of rich text.

    Parameters
    ----------
    phase
        A phase of :func:`nnsim.training.phases.step_phases`.
    neuron
        The neuron j of the phase's layer whose Z, A, dA, dZ, db are written out (on the
        update: whose b).
    weight
        ``(j, i)``: the weight W[j, i] from neuron i of the previous layer to neuron j,
        whose dW (backward) and update are written out.
    digits
        Significant digits of every value.
    layer
        On the update phase, the one layer to show (default: every layer).
    sample
        The row of the batch the per-sample formulas use (default: the first).
    context
        The network's set-up and the step's other phases (:meth:`StepContext.from_trainer`);
        without it, formulas that need them show only their result.
    translate
        The prose around the formulas in the reader's language (``str``: English).
    """
    ctx = context if context is not None else StepContext()
    w = Writer(digits, translate)
    if phase.kind == "forward":
        return _forward(phase, ctx, w, neuron, sample)
    if phase.kind == "loss":
        return _loss(phase, ctx, w, neuron, sample)
    if phase.kind == "backward":
        return explain_backward(phase, ctx, w, neuron, weight, sample)
    if phase.kind == "update":
        return _update(phase, ctx, w, neuron, weight, layer)
    raise ValueError(f"unknown phase kind {phase.kind!r}")


# -- forward ---------------------------------------------------------------------------------
def _forward(phase: Phase, ctx: StepContext, w: Writer, neuron: int, sample: int) -> list[str]:
    k, a = layer_of(phase), phase.arrays
    A_prev, W, b, Z, A = a["A_prev"], a["W"], a["b"], a["Z"], a["A"]
    n, (units, fan_in) = A_prev.shape[0], W.shape
    j, s = clamp_index(neuron, units), clamp_index(sample, n)
    jj = shown_index(j, units)
    Wk, bk, Zk, inp = symbol("W", k), symbol("b", k), symbol("Z", k), input_symbol(k)
    lines = [
        w.t(QT_TR_NOOP("<b>Forward, layer {k}</b>: neuron {j}{sample}"),
            k=k, j=j, sample=w.sample_note(s, n)),
        w.t(QT_TR_NOOP("{rows} (one sample per row; the article's columns: {columns})"),
            rows=f"{Zk} = {inp}·{Wk}ᵀ + {bk}", columns=f"{Zk} = {Wk}·{inp} + {bk}"),
    ]  # fmt: skip
    Zj = symbol("Z", k, jj)
    if fan_in <= 3:
        shown = [shown_index(i, fan_in) for i in range(fan_in)]
        terms = " + ".join(f"{symbol('W', k, jj, i)}·{input_symbol(k, i)}" for i in shown)
    else:
        terms = f"Σᵢ {symbol('W', k, jj, 'ᵢ')}·{input_symbol(k, 'ᵢ')}"
    values = w.products(W[j], A_prev[s])
    lines.append(f"{Zj} = {terms} + {symbol('b', k, jj)} = {values} + {w.o(b[j])} = {w.r(Z[s, j])}")
    pre_symbol, pre = Zj, Z
    if "Z_bn" in a:
        pre_symbol, pre = symbol("Ẑ", k, jj), a["Z_bn"]
        lines.append(
            f"{pre_symbol} = BN({Zj}) = BN({w.v(Z[s, j])}) = {w.r(pre[s, j])} "
            + w.t(QT_TR_NOOP(
                "(normalised by the batch's mean and spread, then scaled by γ and shifted by β)"
            ))
        )  # fmt: skip
    act = ctx.activation(k)
    Aj = symbol("A", k, jj)
    mask = "m·" if ctx.dropout_of(k) > 0 else ""
    if act == "softmax":
        vals = ", ".join(w.v(z) for z in pre[s, :MAX_TERMS]) + (", …" if units > MAX_TERMS else "")
        lines.append(
            f"{Aj} = softmax({symbol('Z', k)}){sub(j)} = "
            f"e<sup>{Zj}</sup>/Σₘ e<sup>{symbol('Z', k, 'ₘ')}</sup> = "
            f"softmax({vals}){sub(j)} = {w.r(A[s, j])}"
        )
    else:
        g = ACTIVATION_SYMBOLS.get(act, act) if act else "g"
        lines.append(
            f"{Aj} = {mask}{g}({pre_symbol}) = {mask}{g}({w.v(pre[s, j])}) = {w.r(A[s, j])}"
        )
    if mask:
        p = format_number(ctx.dropout_of(k))
        lines.append(
            w.t(QT_TR_NOOP("dropout: m is 0 (probability {p}) or 1/(1 − {p}), drawn at random"),
                p=p)
        )  # fmt: skip
    if ctx.depth == k:
        lines.append(
            w.t(QT_TR_NOOP("{A} is the network's output: its prediction Ŷ"), A=symbol("A", k))
        )
    return lines


# -- loss ------------------------------------------------------------------------------------
def _loss(phase: Phase, ctx: StepContext, w: Writer, neuron: int, sample: int) -> list[str]:
    A, Y, J = phase.arrays["A"], phase.arrays["Y"], phase.loss
    if J is None:  # step_phases gives the loss phase its value
        raise ValueError("a loss phase needs its loss value, got None")
    n, outputs = A.shape
    s, j = clamp_index(sample, n), clamp_index(neuron, outputs)
    name = ctx.loss or ("cross_entropy" if Y.dtype.kind in "iu" else None)
    AL = symbol("A", ctx.depth) if ctx.depth else "A"
    title = w.t(LOSS_TITLES.get(name, THE_LOSS) if name else THE_LOSS)
    lines = [w.t(QT_TR_NOOP("<b>Loss</b>: {title}{sample}"), title=title,
                 sample=w.sample_note(s, n))]  # fmt: skip
    first, last = ("" if s == 0 else "… + "), " + …"
    if name == "bce":
        y, av = Y.reshape(n, -1)[s, 0], A[s, 0]
        term = f"[{w.o(y)}·log({w.v(av)}) + (1 − {w.o(y)})·log(1 − {w.o(av)})]"
        if n == 1:
            lines.append(f"J = −[Y·log({AL}) + (1 − Y)·log(1 − {AL})]")
            lines.append(f"J = −{term} = {w.r(J)}")
        else:
            lines.append(f"J = −(1/n)·Σₛ [Yₛ·log({AL}ₛ) + (1 − Yₛ)·log(1 − {AL}ₛ)]")
            lines.append(f"J = −(1/{n})·({first}{term}{last}) = {w.r(J)}")
        lines.append(
            w.t(QT_TR_NOOP(
                "This is the cross-entropy the article's {code} computes "
                "(its text calls it the mean squared error)"
            ), code="compute_loss")
        )  # fmt: skip
    elif name == "mse":
        y, av = Y.reshape(A.shape)[s, j], A[s, j]
        term = f"({w.o(av)} − {w.o(y)})²"
        count = n * outputs
        scale = "n" if outputs == 1 else "n·k"
        lines.append(f"J = (1/{scale})·Σ ({AL} − Y)²")
        if count == 1:
            lines.append(f"J = {term} = {w.r(J)}")
        else:
            lines.append(f"J = (1/{count})·({first}{term}{last}) = {w.r(J)}")
    elif name == "cross_entropy":
        label = int(Y[s])
        av = A[s, label]
        lines.append(
            w.t(QT_TR_NOOP("{J}: the probability given to the true class"),
                J=f"J = −(1/n)·Σₛ log({AL}ₛ,ᵧ)")
        )  # fmt: skip
        lines.append(
            w.t(QT_TR_NOOP("true class of the sample: {label}, probability {p}"),
                label=label, p=w.v(av))
        )  # fmt: skip
        if n == 1:
            lines.append(f"J = −log({w.v(av)}) = {w.r(J)}")
        else:
            lines.append(f"J = −(1/{n})·({first}log({w.v(av)}){last}) = {w.r(J)}")
    else:
        lines.append(f"J = {w.r(J)}")
    if ctx.regularization != "none":
        lines.append(
            w.t(QT_TR_NOOP("J is the data loss; the {penalty} penalty on the weights joins at "
                           "the update"), penalty=ctx.regularization.upper())
        )  # fmt: skip
    return lines


# -- update ----------------------------------------------------------------------------------
def _update(
    phase: Phase,
    ctx: StepContext,
    w: Writer,
    neuron: int,
    weight: tuple[int, int],
    layer: int | None,
) -> list[str]:
    a = phase.arrays
    layers = sorted(int(key[1:-4]) for key in a if key.startswith("W") and key.endswith("_old"))
    if layer is not None:
        if layer not in layers:
            raise ValueError(f"layer must be one of {layers}, got {layer}")
        layers = [layer]
    plain = ctx.plain_sgd
    lines = [
        w.t(QT_TR_NOOP("<b>Update</b>: {optimizer}, learning rate η = {lr}"),
            optimizer=ctx.optimizer_title(w.translate), lr=w.v(phase.lr))
    ]  # fmt: skip
    if plain:
        lines.append(w.t(QT_TR_NOOP(
            "each parameter moves against its own gradient: W ← W − η·dW, b ← b − η·db"
        )))  # fmt: skip
    else:
        rule = _STEP_RULES.get(ctx.optimizer or "", QT_TR_NOOP("the step the optimizer took"))
        lines.append(w.t(QT_TR_NOOP("new = old + step, {rule}"), rule=w.t(rule)))
        if ctx.regularization != "none":
            lines.append(
                w.t(QT_TR_NOOP("dW includes the gradient of the {penalty} penalty"),
                    penalty=ctx.regularization.upper())
            )  # fmt: skip
        if ctx.grad_clip is not None:
            clipped = _CLIPPED.get(ctx.grad_clip, _CLIPPED[None])
            lines.append(w.t(clipped, mode=ctx.grad_clip))
    for k in layers:
        W_old, W_step, W_new = a[f"W{k}_old"], a[f"W{k}_step"], a[f"W{k}_new"]
        b_old, b_step, b_new = a[f"b{k}_old"], a[f"b{k}_step"], a[f"b{k}_new"]
        rows, cols = W_old.shape
        j, i = clamp_index(weight[0], rows), clamp_index(weight[1], cols)
        jb = clamp_index(neuron, rows)
        W_ji = symbol("W", k, shown_index(j, rows), shown_index(i, cols))
        b_j = symbol("b", k, shown_index(jb, rows))
        backward = ctx.find("backward", k)
        if plain and backward is not None:
            dW, db = backward.arrays["dW"][j, i], backward.arrays["db"][jb]
            lr = w.o(phase.lr)
            lines.append(
                f"{W_ji} ← {W_ji} − η·d{W_ji} = {w.o(W_old[j, i])} − {lr}·{w.o(dW)} = "
                f"{w.r(W_new[j, i])}"
            )
            lines.append(
                f"{b_j} ← {b_j} − η·d{b_j} = {w.o(b_old[jb])} − {lr}·{w.o(db)} = {w.r(b_new[jb])}"
            )
        else:
            for p, old, step, new in (
                (W_ji, W_old[j, i], W_step[j, i], W_new[j, i]),
                (b_j, b_old[jb], b_step[jb], b_new[jb]),
            ):
                lines.append(
                    w.t(QT_TR_NOOP("{p}(new) = {p}(old) + step = {old} + {step} = {new}"),
                        p=p, old=w.o(old), step=w.o(step), new=w.r(new))
                )  # fmt: skip
    result = phase.result  # the step's StepResult (step_phases puts it on the update)
    if isinstance(result, StepResult) and result.diverged:
        reason = result.diverged  # the trainer's explanation, in the reader's language
        if isinstance(reason, Sentence):
            reason = reason.render(w.translate)
        lines.append(
            w.t(QT_TR_NOOP("<b>Training diverged:</b> {reason}"), reason=html.escape(reason))
        )
    return lines
