"""The backward phase's formulas: dA, dZ = dA ⊙ g′(Z) (or A − Y at a fused output), dW, db."""

from __future__ import annotations

from nnsim.training.lecture.context import ACTIVATION_SYMBOLS, StepContext, layer_of
from nnsim.training.lecture.formatting import (
    Writer,
    clamp_index,
    input_symbol,
    shown_index,
    symbol,
)
from nnsim.training.phases import Phase
from nnsim.training.text import QT_TR_NOOP


def _derivative_line(
    w: Writer,
    act: str | None,
    dZj: str,
    dAj: str,
    Aj: str,
    Zj: str,
    da: float,
    av: float,
    z: float,
    r: str,
) -> str:
    """dZ = dA ⊙ g′(Z), written with A for σ and tanh (as the article's sigmoid_derivative)."""
    if act == "sigmoid":
        return f"{dZj} = {dAj}·{Aj}·(1 − {Aj}) = {w.o(da)}·{w.o(av)}·(1 − {w.o(av)}) = {r}"
    if act == "tanh":
        return f"{dZj} = {dAj}·(1 − {Aj}²) = {w.o(da)}·(1 − {w.o(av)}²) = {r}"
    if act == "relu":
        return f"{dZj} = {dAj}·[{Zj} &gt; 0] = {w.o(da)}·[{w.v(z)} &gt; 0] = {r}"
    if act == "linear":
        return f"{dZj} = {dAj} = {w.v(da)} = {r}"
    g = ACTIVATION_SYMBOLS.get(act, act) if act else "g"
    return f"{dZj} = {dAj}·{g}′({Zj}) = {w.o(da)}·{g}′({w.v(z)}) = {r}"


def explain_backward(
    phase: Phase,
    ctx: StepContext,
    w: Writer,
    neuron: int,
    weight: tuple[int, int],
    sample: int,
) -> list[str]:
    k, a = layer_of(phase), phase.arrays
    dZ, dW, db, dA = a["dZ"], a["dW"], a["db"], a.get("dA")
    n, units = dZ.shape
    fan_in = dW.shape[1]
    j, s = clamp_index(neuron, units), clamp_index(sample, n)
    wj, wi = clamp_index(weight[0], units), clamp_index(weight[1], fan_in)
    jj, wjj, wii = shown_index(j, units), shown_index(wj, units), shown_index(wi, fan_in)
    bn = ctx.has_batch_norm(k)
    output = ctx.depth == k
    forward, loss = ctx.find("forward", k), ctx.find("loss")
    dZ_name = "dẐ" if bn else "dZ"
    dZj, dAj, Aj = symbol(dZ_name, k, jj), symbol("dA", k, jj), symbol("A", k, jj)
    lines = [
        w.t(QT_TR_NOOP("<b>Backward, layer {k}</b>: neuron {j}, weight {weight}{sample}"),
            k=k, j=j, weight=symbol("W", k, wj, wi), sample=w.sample_note(s, n))
    ]  # fmt: skip
    # dA
    if dA is not None:
        da = dA[s, j]
        if output and loss is not None and ctx.loss == "bce":
            y, av = loss.arrays["Y"].reshape(n, -1)[s, 0], loss.arrays["A"][s, 0]
            per = "/n" if n > 1 else ""
            per_value = f"/{n}" if n > 1 else ""
            lines.append(
                f"{dAj} = −(Y/{Aj} − (1 − Y)/(1 − {Aj})){per} = "
                f"−({w.o(y)}/{w.o(av)} − (1 − {w.o(y)})/(1 − {w.o(av)})){per_value} = {w.r(da)}"
            )
        elif output and loss is not None and ctx.loss == "mse":
            y, av = loss.arrays["Y"].reshape(n, units)[s, j], loss.arrays["A"][s, j]
            count = n * units
            scale = "n" if units == 1 else "n·k"
            tail = f"/{count}" if count > 1 else ""
            lines.append(
                f"{dAj} = 2·({Aj} − Y)/{scale} = 2·({w.o(av)} − {w.o(y)}){tail} = {w.r(da)}"
            )
        else:
            after = ctx.find("forward", k + 1)
            later = ctx.find("backward", k + 1)
            if after is not None and later is not None and not ctx.has_batch_norm(k + 1):
                W_next, dZ_next = after.arrays["W"], later.arrays["dZ"]
                m = W_next.shape[0]
                if m == 1:
                    terms = f"{symbol('dZ', k + 1)}·{symbol('W', k + 1, None, jj)}"
                else:
                    terms = f"Σₘ {symbol('dZ', k + 1, 'ₘ')}·{symbol('W', k + 1, 'ₘ', jj)}"
                values = w.products(dZ_next[s], W_next[:, j])
                lines.append(f"{dAj} = {terms} = {values} = {w.r(da)}")
            else:
                lines.append(f"{dAj} = {w.r(da)}")
    # dZ
    r = w.r(dZ[s, j])
    if output and loss is not None and ctx.loss in ("bce", "cross_entropy"):
        av = loss.arrays["A"][s, j]
        if ctx.loss == "bce":
            Ysym, y = "Y", w.o(loss.arrays["Y"].reshape(n, -1)[s, 0])
        else:
            Ysym, y = symbol("Y", None, jj), "1" if int(loss.arrays["Y"][s]) == j else "0"
        if n == 1:
            lines.append(f"{dZj} = {Aj} − {Ysym} = {w.o(av)} − {y} = {r}")
        else:
            lines.append(f"{dZj} = ({Aj} − {Ysym})/n = ({w.o(av)} − {y})/{n} = {r}")
        simplified = (
            QT_TR_NOOP("with a sigmoid output and cross-entropy the chain dA·g′(Z) simplifies "
                       "to this; the 1/n of the mean is inside {dZ}")
            if ctx.loss == "bce"
            else QT_TR_NOOP("with a softmax output the chain dA·g′(Z) simplifies to this; the "
                            "1/n of the mean is inside {dZ}")
        )  # fmt: skip
        lines.append(w.t(simplified, dZ=dZ_name))
    elif dA is not None and forward is not None and ctx.dropout_of(k) == 0:
        pre = forward.arrays.get("Z_bn", forward.arrays["Z"])
        Zj = symbol("Ẑ" if bn else "Z", k, jj)
        lines.append(
            _derivative_line(
                w, ctx.activation(k), dZj, dAj, Aj, Zj, dA[s, j], forward.arrays["A"][s, j],
                pre[s, j], r,
            )
        )  # fmt: skip
    else:
        mask = "·m" if ctx.dropout_of(k) > 0 else ""
        lines.append(f"{dZj} = {dAj}{mask}·g′(Z) = {r}")
    # dW, db
    dWk, dbk, dZk = symbol("dW", k), symbol("db", k), symbol(dZ_name, k)
    inp = input_symbol(k)
    lines.append(
        w.t(QT_TR_NOOP("{rows} (the article's columns: {columns}, with its 1/m there)"),
            rows=f"{dWk} = {dZk}ᵀ·{inp}, {dbk} = Σₛ {dZk}ₛ", columns=f"{dWk} = {dZk}·{inp}ᵀ")
    )  # fmt: skip
    dW_ji, db_j = symbol("dW", k, wjj, wii), symbol("db", k, jj)
    if bn:
        lines.append(
            w.t(QT_TR_NOOP("{dW} and {db}"),
                dW=f"{dW_ji} = {w.r(dW[wj, wi])}", db=f"{db_j} = {w.r(db[j])}")
        )  # fmt: skip
        lines.append(
            w.t(QT_TR_NOOP("batch norm: dW and db use dZ = the batch-norm backward pass of dẐ"))
        )
    elif forward is None:
        lines.append(f"{dW_ji} = {w.r(dW[wj, wi])}")
        lines.append(f"{db_j} = {w.r(db[j])}")
    else:
        A_prev = forward.arrays["A_prev"]
        if n == 1:
            lines.append(
                f"{dW_ji} = {symbol('dZ', k, wjj)}·{input_symbol(k, wii)} = "
                f"{w.products(dZ[:, wj], A_prev[:, wi])} = {w.r(dW[wj, wi])}"
            )
            lines.append(f"{db_j} = {symbol('dZ', k, jj)} = {w.v(dZ[0, j])} = {w.r(db[j])}")
        else:
            lines.append(
                f"{dW_ji} = Σₛ {symbol('dZ', k, 'ₛ', wjj)}·{input_symbol(k, wii, 'ₛ')} = "
                f"{w.products(dZ[:, wj], A_prev[:, wi])} = {w.r(dW[wj, wi])}"
            )
            lines.append(
                f"{db_j} = Σₛ {symbol('dZ', k, 'ₛ', jj)} = {w.total(dZ[:, j])} = {w.r(db[j])}"
            )
    return lines
