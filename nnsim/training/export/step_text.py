"""One training step of each script, as source text, in the order the Trainer takes it:
the learning rate for t, forward, loss, backward, the penalty's gradient, the divergence
check, clipping, the update (and the weights kept if it blew up). Each function returns
(what ``train()`` sets up, the step, what it does after the loop).
"""

from __future__ import annotations

from nnsim.training.export.plan import ExportPlan

_NUMPY_SETUP = """\
    params = {name: DATA[name].copy() for name in PARAMETER_NAMES}  # nnsim's first weights
    buffers = {name: DATA[name].copy() for name in BUFFER_NAMES}
    state = init_optimizer(params)
"""

_NUMPY_FINISH = """    train_loss, train_accuracy = evaluate(params, buffers, X_train, Y_train)
    test_loss, test_accuracy = evaluate(params, buffers, X_test, Y_test)
    summary = f"done: train loss {train_loss:.4f}, test loss {test_loss:.4f}"
    if not math.isnan(test_accuracy):
        summary += f", test accuracy {test_accuracy:.1%}"
    print(summary)
    np.savez("weights_final.npz", **params, **buffers)  # in the folder the script runs from
    print("wrote weights_final.npz")
"""

_DIVERGED_LOSS = """        if not math.isfinite(loss + penalty_value):
            print(f"step {step}: the loss became {loss + penalty_value}; stopping, as nnsim does")
            break
"""


def numpy_step(plan: ExportPlan) -> tuple[str, str, str]:
    """The NumPy script's step."""
    momentum = ", momentum_at(t)" if plan.cycles_momentum else ""
    step = """        lr = learning_rate(t)
        AL, caches = forward_propagation(X, params, buffers)
        loss = compute_loss(caches[f"Z{L}"], AL, Y)
        grads = backward_propagation(params, caches, Y)
"""
    if plan.regularization != "none" and plan.regularization_rate:
        step += """        penalty_value = penalty(params)
        add_penalty_gradient(params, grads)
"""
    else:
        step += "        penalty_value = 0.0  # no regularisation\n"
    if plan.clip_mode:
        step += "        clip_gradients(grads)\n"
    step += _DIVERGED_LOSS
    step += f"""        before = dict(params)  # the update makes new arrays: these are the old ones
        update_parameters(params, grads, state, lr{momentum})
        if not all(np.isfinite(value).all() for value in params.values()):  # a weight overflowed
            params = before  # keep the last finite weights, as nnsim does
            print(f"step {{step}}: a weight became non-finite; stopping")
            break
"""
    return _NUMPY_SETUP, step, _NUMPY_FINISH


_TORCH_SETUP = """    load_initial_weights()
"""

_TORCH_FINISH = """    train_loss, train_accuracy = evaluate(X_train, Y_train)
    test_loss, test_accuracy = evaluate(X_test, Y_test)
    summary = f"done: train loss {train_loss:.4f}, test loss {test_loss:.4f}"
    if not math.isnan(test_accuracy):
        summary += f", test accuracy {test_accuracy:.1%}"
    print(summary)
    final = {name: tensor.detach().numpy() for name, tensor in {**PARAMETERS, **BUFFERS}.items()}
    np.savez("weights_final.npz", **final)  # in the folder the script runs from
    print("wrote weights_final.npz")
"""


def pytorch_step(plan: ExportPlan) -> tuple[str, str, str]:
    """The PyTorch script's step."""
    step = """        lr = optimizer.param_groups[0]["lr"]  # what the scheduler set for this step
        model.train()
        optimizer.zero_grad()
        output = model(torch.from_numpy(X))
        data_loss = loss_function(output, torch.from_numpy(Y))
"""
    if plan.regularization != "none" and plan.regularization_rate:
        step += """        reg = penalty()
        (data_loss + reg).backward()
        penalty_value = reg.item()
"""
    else:
        step += """        data_loss.backward()
        penalty_value = 0.0  # no regularisation
"""
    step += "        loss = data_loss.item()\n"
    if plan.clip_mode == "norm":
        step += "        torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)\n"
    elif plan.clip_mode == "value":
        step += "        torch.nn.utils.clip_grad_value_(model.parameters(), CLIP_VALUE)\n"
    step += _DIVERGED_LOSS
    step += """        before = [p.detach().clone() for p in model.parameters()]
        optimizer.step()
        after = [p.detach() for p in model.parameters()]
        if not all(bool(torch.isfinite(p).all()) for p in after):  # a weight overflowed
            with torch.no_grad():  # keep the last finite weights, as nnsim does
                for p, old in zip(model.parameters(), before):
                    p.copy_(old)
            print(f"step {step}: a weight became non-finite; stopping")
            break
"""
    if plan.schedule_unit == "step" and plan.schedule != "plateau" and has_scheduler(plan):
        step += "        step_scheduler(step)\n"
    return _TORCH_SETUP, step, _TORCH_FINISH


def has_scheduler(plan: ExportPlan) -> bool:
    """Whether the PyTorch script needs a scheduler object (a constant rate does not)."""
    return plan.schedule != "constant" or plan.warmup_steps > 0
