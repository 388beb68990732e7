"""The learning-rate schedule of a NumPy script, as source text: ``learning_rate(t)`` (and
one-cycle's ``momentum_at(t)``, plateau's ``Plateau``) with t the completed steps or epochs,
the formulas of :mod:`nnsim.engine.schedules` written out.
"""

from __future__ import annotations

from nnsim.training.export.plan import ExportPlan

_CONSTANT = """
def base_learning_rate(t):
    return LEARNING_RATE  # constant: no schedule
"""

_INVERSE_TIME = '''
def base_learning_rate(t):
    """Inverse-time decay (Keras InverseTimeDecay; the article's lr / (1 + decay_rate·epoch))."""
    p = t / DECAY_STEPS
@STAIRCASE@    return LEARNING_RATE / (1.0 + DECAY_RATE * p)
'''

_STEP = '''
def base_learning_rate(t):
    """torch.optim.lr_scheduler.StepLR: η multiplied by gamma every STEP_SIZE units."""
    return LEARNING_RATE * GAMMA ** float(t // STEP_SIZE)
'''

_EXPONENTIAL = '''
def base_learning_rate(t):
    """torch.optim.lr_scheduler.ExponentialLR: η multiplied by gamma every unit."""
    return LEARNING_RATE * GAMMA ** float(t)
'''

_COSINE = '''
def base_learning_rate(t):
    """torch.optim.lr_scheduler.@TORCH@: a half cosine from η₀ down to eta_min."""
@CYCLE@    return ETA_MIN + (LEARNING_RATE - ETA_MIN) * (1 + np.cos(np.pi * t_cur / t_i)) / 2
'''

_CYCLES = {
    "plain": "    t_cur, t_i = t, T_MAX  # (not clamped after T_MAX: it rises again, as torch)\n",
    "restarts": "    t_cur, t_i = t % T_0, T_0  # restart every T_0 units\n",
    "growing": """    start, t_i = 0, T_0  # cycles of T_0, T_0·T_MULT, T_0·T_MULT², …
    while start + t_i <= t:
        start, t_i = start + t_i, t_i * T_MULT
    t_cur = t - start
""",
}

_ONE_CYCLE = '''
INITIAL_LR = MAX_LR / DIV_FACTOR
MIN_LR = INITIAL_LR / FINAL_DIV_FACTOR
# (last step of the phase, rate from, rate to, momentum from, momentum to), as torch builds them
PHASES = [
@PHASES@]


def anneal(start, end, pct):
@ANNEAL@


def one_cycle(t):
    """torch.optim.lr_scheduler.OneCycleLR's rate and momentum at step t (held after the end)."""
    s = float(min(t, TOTAL_STEPS - 1))
    phase_start = 0.0
    for i, (end, lr_a, lr_b, m_a, m_b) in enumerate(PHASES):
        if s <= end or i == len(PHASES) - 1:
            pct = (s - phase_start) / (end - phase_start)
            return anneal(lr_a, lr_b, pct), anneal(m_a, m_b, pct)
        phase_start = end


def base_learning_rate(t):
    return one_cycle(t)[0]
'''

_PLATEAU = '''
class Plateau:
    """torch.optim.lr_scheduler.ReduceLROnPlateau: η × FACTOR once the mean training loss of
    a pass has not improved for PATIENCE passes."""

    def __init__(self):
        self.lr = LEARNING_RATE
        self.best = math.inf if MODE == "min" else -math.inf
        self.bad_epochs = self.cooldown = 0

    def improves(self, loss):
        relative = THRESHOLD_MODE == "rel"
        if MODE == "min":
            return loss < (self.best * (1.0 - THRESHOLD) if relative else self.best - THRESHOLD)
        return loss > (self.best * (THRESHOLD + 1.0) if relative else self.best + THRESHOLD)

    def observe(self, loss):
        if self.improves(loss):
            self.best, self.bad_epochs = loss, 0
        else:
            self.bad_epochs += 1
        if self.cooldown > 0:
            self.cooldown -= 1
            self.bad_epochs = 0
        if self.bad_epochs > PATIENCE:
            new_lr = max(self.lr * FACTOR, MIN_LR)
            if self.lr - new_lr > EPS_LR:
                self.lr = new_lr
            self.cooldown, self.bad_epochs = COOLDOWN, 0


plateau = Plateau()


def base_learning_rate(t):
    return plateau.lr
'''

_WARMUP = '''

def learning_rate(t):
    """Linear warm-up over the first WARMUP_STEPS units (torch's LinearLR), then the schedule."""
    warmup = min(1.0, (t + 1) / (WARMUP_STEPS + 1))
    return base_learning_rate(max(t - WARMUP_STEPS, 0)) * warmup
'''

_NO_WARMUP = """

def learning_rate(t):
    return base_learning_rate(t)
"""

CONSTANT_NAMES = {
    "inverse_time": {"decay_rate": "DECAY_RATE", "decay_steps": "DECAY_STEPS"},
    "step": {"step_size": "STEP_SIZE", "gamma": "GAMMA"},
    "exponential": {"gamma": "GAMMA"},
    "cosine": {"T_max": "T_MAX", "eta_min": "ETA_MIN", "T_0": "T_0", "T_mult": "T_MULT"},
    "one_cycle": {
        "max_lr": "MAX_LR",
        "total_steps": "TOTAL_STEPS",
        "pct_start": "PCT_START",
        "div_factor": "DIV_FACTOR",
        "final_div_factor": "FINAL_DIV_FACTOR",
        "base_momentum": "BASE_MOMENTUM",
        "max_momentum": "MAX_MOMENTUM",
    },
    "plateau": {
        "mode": "MODE",
        "factor": "FACTOR",
        "patience": "PATIENCE",
        "threshold": "THRESHOLD",
        "threshold_mode": "THRESHOLD_MODE",
        "cooldown": "COOLDOWN",
        "min_lr": "MIN_LR",
        "eps": "EPS_LR",
    },
}
"""The schedule's keywords the script declares as constants, by their constant's name."""


def schedule_text(plan: ExportPlan) -> str:
    """``learning_rate(t)`` (and what it needs) for the plan's schedule."""
    name, p = plan.schedule, plan.schedule_params
    if name == "inverse_time":
        stair = "    p = math.floor(p)  # staircase: decay in jumps\n" if p["staircase"] else ""
        text = _INVERSE_TIME.replace("@STAIRCASE@", stair)
    elif name == "step":
        text = _STEP
    elif name == "exponential":
        text = _EXPONENTIAL
    elif name == "cosine":
        cycle = "plain" if not p["restarts"] else "restarts" if p["T_mult"] == 1 else "growing"
        torch = "CosineAnnealingWarmRestarts" if p["restarts"] else "CosineAnnealingLR"
        text = _COSINE.replace("@CYCLE@", _CYCLES[cycle]).replace("@TORCH@", torch)
    elif name == "one_cycle":
        text = _one_cycle(p)
    elif name == "plateau":
        text = _PLATEAU
    else:
        text = _CONSTANT
    text += _WARMUP if plan.warmup_steps else _NO_WARMUP
    if plan.cycles_momentum:
        text += '''

def momentum_at(t):
    """The momentum (Adam: β₁) one-cycle sets for the step after t units."""
    return one_cycle(max(t - WARMUP_STEPS, 0))[1]
'''
    return text


def _one_cycle(p: dict) -> str:
    if p["three_phase"]:
        phases = [
            "(float(PCT_START * TOTAL_STEPS) - 1, INITIAL_LR, MAX_LR, MAX_MOMENTUM, BASE_MOMENTUM)",
            "(float(2 * PCT_START * TOTAL_STEPS) - 2, MAX_LR, INITIAL_LR, BASE_MOMENTUM, "
            "MAX_MOMENTUM)",
            "(TOTAL_STEPS - 1, INITIAL_LR, MIN_LR, MAX_MOMENTUM, MAX_MOMENTUM)",
        ]
    else:
        phases = [
            "(float(PCT_START * TOTAL_STEPS) - 1, INITIAL_LR, MAX_LR, MAX_MOMENTUM, BASE_MOMENTUM)",
            "(TOTAL_STEPS - 1, MAX_LR, MIN_LR, BASE_MOMENTUM, MAX_MOMENTUM)",
        ]
    anneal = (
        "    return end + (start - end) / 2.0 * (np.cos(np.pi * pct) + 1)  # cosine"
        if p["anneal_strategy"] == "cos"
        else "    return (end - start) * pct + start  # linear"
    )
    rows = "".join(f"    {row},\n" for row in phases)
    return _ONE_CYCLE.replace("@PHASES@", rows).replace("@ANNEAL@", anneal)
