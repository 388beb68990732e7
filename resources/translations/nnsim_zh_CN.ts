<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Show nnsim in {language}</source>
        <translation>以{language}显示 nnsim</translation>
    </message>
    <message>
        <source>No installed font covers Chinese, so Chinese text shows as boxes: install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and start nnsim again.</source>
        <translation>没有安装覆盖中文的字体，中文会显示为方框：请安装一个（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk），然后重新启动 nnsim。</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Exclusive or</source>
        <translation>异或</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两个高斯簇</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月牙</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>Three-arm spiral</source>
        <translation>三臂螺旋</translation>
    </message>
    <message>
        <source>Four blobs</source>
        <translation>四个团簇</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>Gaussians (regression)</source>
        <translation>高斯（回归）</translation>
    </message>
    <message>
        <source>Divides the rate by the root of the sum of all past g², per weight: rarely-updated weights keep larger steps; the rate only ever shrinks.</source>
        <translation>对每个权重，把学习率除以以往所有 g² 之和的平方根：很少更新的权重保留较大的步长；学习率只会越来越小。</translation>
    </message>
    <message>
        <source>The rate is η / (1 + (t − 1)·lr_decay) at step t.</source>
        <translation>第 t 步的学习率为 η / (1 + (t − 1)·lr_decay)。</translation>
    </message>
    <message>
        <source>lr_decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>Start value of the sum of g² (read at the first step).</source>
        <translation>g² 累加和的初始值（在第一步读取）。</translation>
    </message>
    <message>
        <source>initial acc.</source>
        <translation>累加初值</translation>
    </message>
    <message>
        <source>Decay rates of the running means of g and g².</source>
        <translation>g 与 g² 滑动平均的衰减率。</translation>
    </message>
    <message>
        <source>Decay of the running mean of g (the momentum part), PyTorch&apos;s betas[0]; 0.9 is typical.</source>
        <translation>g 的滑动平均（动量部分）的衰减率，即 PyTorch 的 betas[0]；常用 0.9。</translation>
    </message>
    <message>
        <source>Decay of the running mean of g² (the per-weight scale), PyTorch&apos;s betas[1]; 0.999 is typical.</source>
        <translation>g² 的滑动平均（每个权重的尺度）的衰减率，即 PyTorch 的 betas[1]；常用 0.999。</translation>
    </message>
    <message>
        <source>Use the running maximum of v (the AMSGrad variant): the per-weight step can only shrink.</source>
        <translation>使用 v 的历史最大值（AMSGrad 变体）：每个权重的步长只会缩小。</translation>
    </message>
    <message>
        <source>Momentum (a running mean of g) divided by a running RMS of g, bias-corrected.</source>
        <translation>动量（g 的滑动平均）除以 g 的滑动均方根，并做偏差修正。</translation>
    </message>
    <message>
        <source>Adam with decoupled weight decay (θ shrinks by η·λ·θ each step).</source>
        <translation>带解耦权重衰减的 Adam（每步 θ 缩小 η·λ·θ）。</translation>
    </message>
    <message>
        <source>θ ← θ − η·λ·θ, then the Adam step</source>
        <translation>θ ← θ − η·λ·θ，然后做 Adam 的一步</translation>
    </message>
    <message>
        <source>Shrinks every weight by η·λ·θ each step, apart from the Adam step (decoupled).</source>
        <translation>每步把每个权重缩小 η·λ·θ，与 Adam 的更新分开（解耦）。</translation>
    </message>
    <message>
        <source>How far each step goes along the update direction.</source>
        <translation>每一步沿更新方向走多远。</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Added to the denominator so it is never 0.</source>
        <translation>加在分母上，使分母永不为 0。</translation>
    </message>
    <message>
        <source>Pulls every weight towards 0 by adding λ·θ to the gradient.</source>
        <translation>在梯度上加 λ·θ，把每个权重拉向 0。</translation>
    </message>
    <message>
        <source>weight_decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Divides the rate by a running RMS of recent gradients, per weight.</source>
        <translation>对每个权重，把学习率除以近期梯度的滑动均方根。</translation>
    </message>
    <message>
        <source>Smoothing of the running mean of g²: v ← α·v + (1 − α)·g².</source>
        <translation>g² 滑动平均的平滑系数：v ← α·v + (1 − α)·g²。</translation>
    </message>
    <message>
        <source>b ← μ·b + g/(√v + ε), θ ← θ − η·b.</source>
        <translation>b ← μ·b + g/(√v + ε)，θ ← θ − η·b。</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Divide by an estimate of the gradient&apos;s standard deviation instead of its RMS.</source>
        <translation>除以梯度标准差的估计值，而不是其均方根。</translation>
    </message>
    <message>
        <source>centered</source>
        <translation>中心化</translation>
    </message>
    <message>
        <source>Stochastic gradient descent: a step against the gradient, optionally with momentum.</source>
        <translation>随机梯度下降：沿负梯度方向走一步，可选加动量。</translation>
    </message>
    <message>
        <source>Keeps the step going the way it was going; 0.9 is typical.</source>
        <translation>让步子沿原来的方向继续前进；常用 0.9。</translation>
    </message>
    <message>
        <source>Scales down the new gradient&apos;s share in the momentum.</source>
        <translation>减小新梯度在动量中所占的份额。</translation>
    </message>
    <message>
        <source>dampening</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <source>Nesterov momentum: step with g + μ·b, a look ahead (needs momentum &gt; 0 and dampening 0).</source>
        <translation>Nesterov 动量：用 g + μ·b 更新，相当于向前看一步（需要动量 &gt; 0 且阻尼为 0）。</translation>
    </message>
    <message>
        <source>The starting learning rate (the optimizer&apos;s lr).</source>
        <translation>起始学习率（优化器的 lr）。</translation>
    </message>
    <message>
        <source>Linear warm-up: η ramps up from η₀/(W+1) over the first W units (steps or epochs), then the schedule starts (torch&apos;s LinearLR).</source>
        <translation>线性预热：在前 W 个单位（步或轮）内，η 从 η₀/(W+1) 逐渐升高，然后才开始学习率调度（torch 的 LinearLR）。</translation>
    </message>
    <message>
        <source>warmup</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>η falls from η₀ to eta_min along a half cosine over T_max (with restarts: jumps back to η₀ every T_max).</source>
        <translation>η 在 T_max 内沿半个余弦从 η₀ 降到 eta_min（带重启时：每隔 T_max 跳回 η₀）。</translation>
    </message>
    <message>
        <source>Units from η₀ down to eta_min (half a cosine period).</source>
        <translation>从 η₀ 降到 eta_min 所用的单位数（半个余弦周期）。</translation>
    </message>
    <message>
        <source>T_max</source>
        <translation>T_max</translation>
    </message>
    <message>
        <source>The lowest rate, at most the learning rate.</source>
        <translation>最低学习率，不超过学习率。</translation>
    </message>
    <message>
        <source>eta_min</source>
        <translation>η 最小值</translation>
    </message>
    <message>
        <source>Warm restarts: jump back to η₀ every T_max (CosineAnnealingWarmRestarts).</source>
        <translation>热重启：每隔 T_max 跳回 η₀（CosineAnnealingWarmRestarts）。</translation>
    </message>
    <message>
        <source>restarts</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Length of the first cycle with restarts (default T_max).</source>
        <translation>带重启时第一个周期的长度（默认 T_max）。</translation>
    </message>
    <message>
        <source>Each cycle is T_mult times longer than the one before.</source>
        <translation>每个周期是前一个的 T_mult 倍长。</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>η stays at the learning rate.</source>
        <translation>η 保持为学习率不变。</translation>
    </message>
    <message>
        <source>(no scheduler)</source>
        <translation>（无调度器）</translation>
    </message>
    <message>
        <source>inverse time</source>
        <translation>逆时衰减</translation>
    </message>
    <message>
        <source>η falls as 1/t: η₀ / (1 + decay_rate · t / decay_steps).</source>
        <translation>η 按 1/t 下降：η₀ / (1 + decay_rate · t / decay_steps)。</translation>
    </message>
    <message>
        <source>How fast η decays.</source>
        <translation>η 衰减得多快。</translation>
    </message>
    <message>
        <source>decay_rate</source>
        <translation>衰减率</translation>
    </message>
    <message>
        <source>t is counted in units of decay_steps.</source>
        <translation>t 以 decay_steps 为单位计数。</translation>
    </message>
    <message>
        <source>decay_steps</source>
        <translation>衰减步数</translation>
    </message>
    <message>
        <source>Decay in jumps every decay_steps instead of smoothly.</source>
        <translation>每隔 decay_steps 跳跃式衰减，而不是平滑衰减。</translation>
    </message>
    <message>
        <source>staircase</source>
        <translation>阶梯式</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>η is multiplied by gamma every step_size units.</source>
        <translation>每隔 step_size 个单位，η 乘以 γ（gamma）。</translation>
    </message>
    <message>
        <source>Multiply η by gamma every step_size units.</source>
        <translation>每隔 step_size 个单位把 η 乘以 gamma。</translation>
    </message>
    <message>
        <source>step_size</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Multiplicative decay of η at each step_size.</source>
        <translation>每个 step_size 处 η 的乘法衰减因子。</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>η is multiplied by gamma every unit.</source>
        <translation>每个单位 η 乘以 gamma。</translation>
    </message>
    <message>
        <source>Multiplicative decay of η per unit.</source>
        <translation>每个单位 η 的乘法衰减因子。</translation>
    </message>
    <message>
        <source>one-cycle</source>
        <translation>单周期</translation>
    </message>
    <message>
        <source>η rises to max_lr, then anneals far below the start, over total_steps (momentum cycles the other way).</source>
        <translation>在 total_steps 内，η 先升到 max_lr，再退火到远低于起点（动量反向循环）。</translation>
    </message>
    <message>
        <source>Peak rate of the cycle (default: the learning rate).</source>
        <translation>周期中的最高学习率（默认：学习率）。</translation>
    </message>
    <message>
        <source>max_lr</source>
        <translation>最大学习率</translation>
    </message>
    <message>
        <source>Length of the whole cycle, in steps.</source>
        <translation>整个周期的长度（步数）。</translation>
    </message>
    <message>
        <source>total_steps</source>
        <translation>总步数</translation>
    </message>
    <message>
        <source>Share of the cycle spent raising η.</source>
        <translation>周期中用于升高 η 的比例。</translation>
    </message>
    <message>
        <source>pct_start</source>
        <translation>上升比例</translation>
    </message>
    <message>
        <source>How η moves between its values.</source>
        <translation>η 在各个值之间如何变化。</translation>
    </message>
    <message>
        <source>The cycle starts at max_lr / div_factor.</source>
        <translation>周期从 max_lr / div_factor 开始。</translation>
    </message>
    <message>
        <source>The cycle ends at the start rate / final_div_factor.</source>
        <translation>周期结束于起始学习率 / final_div_factor。</translation>
    </message>
    <message>
        <source>Come back down to the start rate before the final annealing.</source>
        <translation>在最后的退火之前先回落到起始学习率。</translation>
    </message>
    <message>
        <source>Cycle the momentum (SGD momentum or Adam&apos;s β₁) against η.</source>
        <translation>让动量（SGD 的动量或 Adam 的 β₁）与 η 反向循环。</translation>
    </message>
    <message>
        <source>The momentum at the rate&apos;s peak.</source>
        <translation>学习率最高处的动量。</translation>
    </message>
    <message>
        <source>The momentum at the start and the end.</source>
        <translation>开始和结束时的动量。</translation>
    </message>
    <message>
        <source>on plateau</source>
        <translation>平台期衰减</translation>
    </message>
    <message>
        <source>η × factor when the test loss has not improved for &apos;patience&apos; evaluations. The preview cannot know when that happens.</source>
        <translation>测试损失连续“耐心”次评估没有改善时，η 乘以衰减因子。预览无法预知何时发生。</translation>
    </message>
    <message>
        <source>η ← max(η·factor, min_lr) after patience evaluations without improvement</source>
        <translation>连续“耐心”次评估没有改善后，η ← max(η·因子, min_lr)</translation>
    </message>
    <message>
        <source>Whether the watched loss should fall or rise.</source>
        <translation>所监视的损失应当下降还是上升。</translation>
    </message>
    <message>
        <source>η ← η·factor when the loss stalls.</source>
        <translation>损失停滞时 η ← η·因子。</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>衰减因子</translation>
    </message>
    <message>
        <source>Evaluations without improvement before η drops.</source>
        <translation>η 下降之前允许的无改善评估次数。</translation>
    </message>
    <message>
        <source>patience</source>
        <translation>耐心</translation>
    </message>
    <message>
        <source>How much better counts as an improvement.</source>
        <translation>好多少才算改善。</translation>
    </message>
    <message>
        <source>Whether threshold is relative or absolute.</source>
        <translation>阈值是相对的还是绝对的。</translation>
    </message>
    <message>
        <source>Evaluations to wait after a drop before counting again.</source>
        <translation>下降后重新计数前等待的评估次数。</translation>
    </message>
    <message>
        <source>η never drops below this.</source>
        <translation>η 不会低于这个值。</translation>
    </message>
    <message>
        <source>A drop smaller than eps is ignored.</source>
        <translation>小于 eps 的下降被忽略。</translation>
    </message>
    <message>
        <source>Click: add a point of the chosen class · Shift+click: the other class · Right-click: remove the nearest point</source>
        <translation>单击：添加所选类别的数据点 · Shift+单击：另一类别 · 右键单击：删除最近的数据点</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Input {feature}</source>
        <translation>输入 {feature}</translation>
    </message>
    <message>
        <source>Layer {k}</source>
        <translation>第 {k} 层</translation>
    </message>
    <message>
        <source>{where} · neuron {unit}</source>
        <translation>{where} · 神经元 {unit}</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>article</source>
        <translation>文章的做法</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀分布</translation>
    </message>
    <message>
        <source>xavier_normal</source>
        <translation>Xavier 正态</translation>
    </message>
    <message>
        <source>xavier_uniform</source>
        <translation>Xavier 均匀</translation>
    </message>
    <message>
        <source>he_normal</source>
        <translation>He 正态</translation>
    </message>
    <message>
        <source>he_uniform</source>
        <translation>He 均匀</translation>
    </message>
    <message>
        <source>lecun_normal</source>
        <translation>LeCun 正态</translation>
    </message>
    <message>
        <source>W = 0: every neuron of a layer stays identical (the symmetry problem).</source>
        <translation>W = 0：同一层的每个神经元始终一模一样（对称性问题）。</translation>
    </message>
    <message>
        <source>W = randn · 0.01: tiny weights; deep nets start with vanishing signals.</source>
        <translation>W = randn · 0.01：极小的权重；深层网络一开始信号就会消失。</translation>
    </message>
    <message>
        <source>W ~ U(−0.5, 0.5), TensorFlow Playground&apos;s choice.</source>
        <translation>W ~ U(−0.5, 0.5)，TensorFlow Playground 的做法。</translation>
    </message>
    <message>
        <source>Glorot: N(0, 2/(fan_in+fan_out)), keeps the variance for tanh/sigmoid.</source>
        <translation>Glorot：N(0, 2/(fan_in+fan_out))，对 tanh/sigmoid 保持方差不变。</translation>
    </message>
    <message>
        <source>Glorot: U(±√(6/(fan_in+fan_out))), keeps the variance for tanh/sigmoid.</source>
        <translation>Glorot：U(±√(6/(fan_in+fan_out)))，对 tanh/sigmoid 保持方差不变。</translation>
    </message>
    <message>
        <source>He: N(0, 2/fan_in), keeps the variance for ReLU.</source>
        <translation>He：N(0, 2/fan_in)，对 ReLU 保持方差不变。</translation>
    </message>
    <message>
        <source>He: U(±√(6/fan_in)), keeps the variance for ReLU.</source>
        <translation>He：U(±√(6/fan_in))，对 ReLU 保持方差不变。</translation>
    </message>
    <message>
        <source>LeCun: N(0, 1/fan_in).</source>
        <translation>LeCun：N(0, 1/fan_in)。</translation>
    </message>
    <message>
        <source>bce</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>cross_entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>mse</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>What the network minimises. &apos;auto&apos; picks it from the data: binary cross-entropy for two classes, (softmax) cross-entropy for more, mean squared error for regression.</source>
        <translation>网络要最小化的损失函数。“自动”根据数据选择：两类用二元交叉熵，多类用（softmax）交叉熵，回归用均方误差。</translation>
    </message>
    <message>
        <source>Activation of the output layer. &apos;auto&apos; is the loss&apos;s natural one: sigmoid for binary cross-entropy, softmax for cross-entropy, linear for MSE. Other choices need loss MSE.</source>
        <translation>输出层的激活函数。“自动”即与损失函数配套的那个：二元交叉熵配 sigmoid，交叉熵配 softmax，MSE 配 linear。其他选择需要损失函数为 MSE。</translation>
    </message>
    <message>
        <source>+ layer</source>
        <translation>+ 层</translation>
    </message>
    <message>
        <source>− layer</source>
        <translation>− 层</translation>
    </message>
    <message>
        <source>Remove the last hidden layer. With none left the network is a linear (logistic) model: it can only draw a straight boundary.</source>
        <translation>删除最后一个隐藏层。一个都不剩时，网络就是线性（逻辑回归）模型：只能画出一条直线边界。</translation>
    </message>
    <message>
        <source>units</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>No hidden layer: a linear model (one straight boundary).</source>
        <translation>没有隐藏层：线性模型（一条直线边界）。</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Batch normalisation in every hidden layer (clears the per-layer choices).</source>
        <translation>在每个隐藏层使用批归一化（清除各层单独的设置）。</translation>
    </message>
    <message>
        <source>Dropout probability of every hidden layer (clears the per-layer choices).</source>
        <translation>每个隐藏层的 Dropout 概率（清除各层单独的设置）。</translation>
    </message>
    <message>
        <source>How the weights start. Biases start at 0. A good start keeps the signal (and the gradient) the same size from layer to layer.</source>
        <translation>权重如何初始化。偏置从 0 开始。好的初始化让信号（和梯度）在各层之间保持相同的大小。</translation>
    </message>
    <message>
        <source>Neurons per layer, inputs first, and the output head.</source>
        <translation>每层的神经元数（从输入开始）以及输出部分。</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>所有层</translation>
    </message>
    <message>
        <source>Initialiser</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Add a hidden layer at the output end (up to {max}). Depth lets the network compose simple boundaries into complicated ones — and makes gradients harder to pass back.</source>
        <translation>在输出端添加一个隐藏层（最多 {max} 个）。深度让网络能把简单的边界组合成复杂的边界——也让梯度更难反向传播回去。</translation>
    </message>
    <message>
        <source>{n} hidden layer</source>
        <translation>{n} 个隐藏层</translation>
    </message>
    <message>
        <source>{n} hidden layers</source>
        <translation>{n} 个隐藏层</translation>
    </message>
    <message>
        <source>auto ({choice})</source>
        <translation>自动（{choice}）</translation>
    </message>
    <message>
        <source>  ·  output {output}, loss {loss}</source>
        <translation>  ·  输出 {output}，损失 {loss}</translation>
    </message>
    <message>
        <source>Not applied: {message}</source>
        <translation>未应用：{message}</translation>
    </message>
    <message>
        <source>Not applied:
{message}</source>
        <translation>未应用：
{message}</translation>
    </message>
    <message>
        <source>X₁, the horizontal coordinate.</source>
        <translation>X₁，横坐标。</translation>
    </message>
    <message>
        <source>X₂, the vertical coordinate.</source>
        <translation>X₂，纵坐标。</translation>
    </message>
    <message>
        <source>X₁²: lets a single neuron draw a boundary symmetric left/right (circles!).</source>
        <translation>X₁²：让单个神经元就能画出左右对称的边界（圆！）。</translation>
    </message>
    <message>
        <source>X₂²: lets a single neuron draw a boundary symmetric top/bottom.</source>
        <translation>X₂²：让单个神经元就能画出上下对称的边界。</translation>
    </message>
    <message>
        <source>X₁·X₂: positive in two opposite quadrants — the exclusive-or pattern.</source>
        <translation>X₁·X₂：在两个相对的象限中为正——正是异或的模式。</translation>
    </message>
    <message>
        <source>sin(X₁): a wave along X₁, useful for periodic patterns.</source>
        <translation>sin(X₁)：沿 X₁ 方向的波，适合周期性的模式。</translation>
    </message>
    <message>
        <source>sin(X₂): a wave along X₂.</source>
        <translation>sin(X₂)：沿 X₂ 方向的波。</translation>
    </message>
    <message>
        <source>cos(X₁): a wave along X₁, shifted by a quarter period.</source>
        <translation>cos(X₁)：沿 X₁ 方向的波，错开四分之一周期。</translation>
    </message>
    <message>
        <source>cos(X₂): a wave along X₂, shifted by a quarter period.</source>
        <translation>cos(X₂)：沿 X₂ 方向的波，错开四分之一周期。</translation>
    </message>
    <message>
        <source>Custom (your points)</source>
        <translation>自定义（你的数据点）</translation>
    </message>
    <message>
        <source>The points to learn. Orange and blue are the two classes (more colours: more classes); the regression sets ask for a number at every point instead.
Click on the output view to add your own points: the data set becomes &apos;Custom&apos;.</source>
        <translation>要学习的数据点。橙色和蓝色是两个类别（颜色更多：类别更多）；回归数据集则要求在每个点上给出一个数值。
在输出视图上单击可以添加你自己的数据点：数据集随即变为“自定义”。</translation>
    </message>
    <message>
        <source>How much random jitter is added to the points. Noisy data cannot be fitted exactly: a network that tries anyway is overfitting.</source>
        <translation>给数据点加多少随机抖动。有噪声的数据无法被精确拟合：硬要拟合的网络就是在过拟合。</translation>
    </message>
    <message>
        <source>Share of the points used for training; the rest is the test set, never trained on, that shows how well the network generalises.</source>
        <translation>用于训练的数据点所占的比例；其余的是测试集，从不参与训练，用来显示网络的泛化能力。</translation>
    </message>
    <message>
        <source>Number of points generated (train + test). More points: a smoother picture of the pattern and slower epochs.</source>
        <translation>生成的数据点个数（训练 + 测试）。点越多：模式越清晰，每轮也越慢。</translation>
    </message>
    <message>
        <source>Points per gradient step (mini-batch). Small batches: noisy but cheap steps; &apos;all&apos; (below 1, or type &apos;all&apos;): full-batch gradient descent, the exact gradient of the training loss at every step.</source>
        <translation>每个梯度步使用的数据点数（小批量）。批越小：每步噪声大但计算便宜；“全部”（小于 1，或输入“全部”）：全批量梯度下降，每步都用训练损失的精确梯度。</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Use a new random seed (seed + 1): new points, a new train/test split and new initial weights. The same seed always gives the same run.</source>
        <translation>使用新的随机种子（种子 + 1）：新的数据点、新的训练/测试划分和新的初始权重。相同的随机种子总是得到相同的运行。</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Load your own points from a CSV file with columns x1, x2, label (points in [−6, 6]²; integer labels are classes, other numbers regression targets).</source>
        <translation>从 CSV 文件载入你自己的数据点，列为 x1、x2、label（点位于 [−6, 6]² 内；整数标签表示类别，其他数值表示回归目标）。</translation>
    </message>
    <message>
        <source>The class (or target value) of the points you add by clicking on the output view. Shift-click adds the next class; right-click removes the nearest point.</source>
        <translation>在输出视图上单击添加的数据点的类别（或目标值）。Shift+单击添加下一个类别；右键单击删除最近的数据点。</translation>
    </message>
    <message>
        <source>The random seed: it fixes the points, the split and the initial weights.</source>
        <translation>随机种子：它决定数据点、划分和初始权重。</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Click adds</source>
        <translation>单击添加</translation>
    </message>
    <message>
        <source>Input features: what the network is given about each point. Besides the coordinates X₁, X₂ you may hand it squares, products or waves of them.</source>
        <translation>输入特征：网络对每个数据点所知道的信息。除了坐标 X₁、X₂，还可以给它坐标的平方、乘积或正弦波。</translation>
    </message>
    <message>
        <source>all</source>
        <comment>batch size: full batch</comment>
        <translation>全部</translation>
    </message>
    <message>
        <source>Click to feed it to the network (or to stop). At least one feature must stay on.</source>
        <translation>单击把它输入网络（或停止输入）。至少要保留一个特征。</translation>
    </message>
    <message>
        <source>Does not apply to your own points (the &apos;Custom&apos; data set).</source>
        <translation>不适用于你自己的数据点（“自定义”数据集）。</translation>
    </message>
    <message>
        <source>Seed {seed}</source>
        <translation>随机种子 {seed}</translation>
    </message>
    <message>
        <source>target {value:+g}</source>
        <translation>目标 {value:+g}</translation>
    </message>
    <message>
        <source>class {k}</source>
        <translation>类别 {k}</translation>
    </message>
    <message>
        <source>{feature} is the last input feature: at least one must stay on, or the network has nothing to look at.</source>
        <translation>{feature} 是最后一个输入特征：至少要保留一个，否则网络什么也看不到。</translation>
    </message>
    <message>
        <source>finite</source>
        <translation>有限值</translation>
    </message>
    <message>
        <source>in {interval}</source>
        <translation>在 {interval} 内</translation>
    </message>
    <message>
        <source>{name}: &apos;{text}&apos; is not a number; type a whole number {allowed}</source>
        <translation>{name}：“{text}”不是数字；请输入{allowed}的整数</translation>
    </message>
    <message>
        <source>{name}: &apos;{text}&apos; is not a number; type a number {allowed}</source>
        <translation>{name}：“{text}”不是数字；请输入{allowed}的数</translation>
    </message>
    <message>
        <source>{name}: must be a finite number {allowed}, got {text}</source>
        <translation>{name}：必须是{allowed}的有限数，而输入的是 {text}</translation>
    </message>
    <message>
        <source>{name}: must be a whole number {allowed}, got {text}</source>
        <translation>{name}：必须是{allowed}的整数，而输入的是 {text}</translation>
    </message>
    <message>
        <source>{name}: must be a whole number within ±2**53, got {text}</source>
        <translation>{name}：必须是 ±2**53 以内的整数，而输入的是 {text}</translation>
    </message>
    <message>
        <source>{name}: must be {allowed}, got {value}</source>
        <translation>{name}：必须{allowed}，而输入的是 {value}</translation>
    </message>
    <message>
        <source>Show or hide the {section} settings.</source>
        <translation>显示或隐藏“{section}”设置。</translation>
    </message>
    <message>
        <source>a = z: no bend at all; a stack of linear layers is still one linear map.</source>
        <translation>a = z：完全没有弯折；多个线性层叠在一起仍然只是一个线性映射。</translation>
    </message>
    <message>
        <source>a = 1/(1+e^−z), output in (0, 1); its slope is at most 1/4, so gradients shrink layer after layer (vanishing gradients).</source>
        <translation>a = 1/(1+e^−z)，输出在 (0, 1) 内；斜率最大为 1/4，所以梯度逐层缩小（梯度消失）。</translation>
    </message>
    <message>
        <source>a = tanh z, output in (−1, 1), centred on 0; saturates for large |z|.</source>
        <translation>a = tanh z，输出在 (−1, 1) 内，以 0 为中心；|z| 大时饱和。</translation>
    </message>
    <message>
        <source>a = max(0, z): cheap, does not saturate for z &gt; 0; a neuron stuck at z &lt; 0 stops learning (&apos;dead ReLU&apos;).</source>
        <translation>a = max(0, z)：计算便宜，z &gt; 0 时不饱和；卡在 z &lt; 0 的神经元不再学习（“死亡 ReLU”）。</translation>
    </message>
    <message>
        <source>a = z for z &gt; 0, 0.01·z otherwise: a ReLU that never quite dies.</source>
        <translation>z &gt; 0 时 a = z，否则 a = 0.01·z：永远不会完全死亡的 ReLU。</translation>
    </message>
    <message>
        <source>a = z for z &gt; 0, e^z − 1 otherwise: smooth, negative outputs allowed.</source>
        <translation>z &gt; 0 时 a = z，否则 a = e^z − 1：光滑，允许负输出。</translation>
    </message>
    <message>
        <source>a = z·Φ(z): a smooth ReLU used by transformers.</source>
        <translation>a = z·Φ(z)：Transformer 中使用的光滑 ReLU。</translation>
    </message>
    <message>
        <source>a = z·sigmoid(z) (swish): smooth, slightly non-monotonic.</source>
        <translation>a = z·sigmoid(z)（swish）：光滑，略微非单调。</translation>
    </message>
    <message>
        <source>a = sin z: periodic; good at periodic patterns, tricky to train.</source>
        <translation>a = sin z：周期函数；擅长周期性模式，但不易训练。</translation>
    </message>
    <message>
        <source>Hidden layer {k} (1 is next to the inputs).</source>
        <translation>第 {k} 个隐藏层（1 紧挨着输入）。</translation>
    </message>
    <message>
        <source>One neuron fewer in layer {k}.</source>
        <translation>第 {k} 层减少一个神经元。</translation>
    </message>
    <message>
        <source>Neurons in layer {k} (1–{max}). More neurons can draw more complicated boundaries, and can also memorise the noise.</source>
        <translation>第 {k} 层的神经元数（1–{max}）。神经元越多，能画出的边界越复杂，也越可能记住噪声。</translation>
    </message>
    <message>
        <source>One neuron more in layer {k}.</source>
        <translation>第 {k} 层增加一个神经元。</translation>
    </message>
    <message>
        <source>Activation of layer {k}: the non-linearity applied to each neuron&apos;s sum z.</source>
        <translation>第 {k} 层的激活函数：作用在每个神经元的加权和 z 上的非线性函数。</translation>
    </message>
    <message>
        <source>Batch normalisation in layer {k}: standardise z over the mini-batch (then scale and shift, learned) before the activation. Keeps deep nets trainable.</source>
        <translation>第 {k} 层的批归一化：在激活函数之前，把 z 在小批量上标准化（再做可学习的缩放和平移）。让深层网络保持可训练。</translation>
    </message>
    <message>
        <source>Dropout in layer {k}: during training each output is zeroed with this probability (the rest scaled by 1/(1−p)), so no neuron can rely on another. Fights overfitting; 0 = off.</source>
        <translation>第 {k} 层的 Dropout：训练时每个输出以这个概率被置零（其余的乘以 1/(1−p)），使神经元不能依赖彼此。用于对抗过拟合；0 = 关闭。</translation>
    </message>
    <message>
        <source>Learning rate η in θ ← θ − η·∇J(θ): how far each step moves the weights along the negative gradient. Too small: training crawls. Too large: the loss oscillates or explodes.
Type any value from 0.00001 to 10 and press Enter, drag the slider (log scale) or click a preset. Changes apply at once, even while training.</source>
        <translation>θ ← θ − η·∇J(θ) 中的学习率 η：每一步沿负梯度方向把权重移动多远。太小：训练像爬行。太大：损失振荡或爆炸。
输入 0.00001 到 10 之间的任意值并按 Enter，拖动滑块（对数刻度），或单击预设值。更改立即生效，训练中也一样。</translation>
    </message>
    <message>
        <source>Set the learning rate to {rate}.</source>
        <translation>把学习率设为 {rate}。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Learning rate on a log scale: each tenth of the slider is ten times larger (0.00001 … 10). Applied when you let go.</source>
        <translation>对数刻度的学习率：滑块每移动十分之一，学习率变为十倍（0.00001 … 10）。松开时生效。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>How a gradient becomes a step. Changing the optimizer restarts training; its hyper-parameters below can be changed while it runs.</source>
        <translation>梯度如何变成一步更新。更换优化器会重新开始训练；下面的超参数可以在训练中修改。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>by norm</source>
        <translation>按范数</translation>
    </message>
    <message>
        <source>by value</source>
        <translation>按数值</translation>
    </message>
    <message>
        <source>Regularisation &amp; clipping</source>
        <translation>正则化与梯度裁剪</translation>
    </message>
    <message>
        <source>A penalty on large weights added to the loss: L2 (rate·Σw²/2) shrinks all weights smoothly, L1 (rate·Σ|w|) pushes useless ones to exactly 0. Both fight overfitting.</source>
        <translation>加到损失上的大权重惩罚：L2（λ·Σw²/2）平滑地缩小所有权重，L1（λ·Σ|w|）把无用的权重压到恰好为 0。两者都用于对抗过拟合。</translation>
    </message>
    <message>
        <source>regularisation rate</source>
        <translation>正则化系数</translation>
    </message>
    <message>
        <source>Regularisation rate λ (0 … 10): how much the weight penalty counts against the data loss. Too large and the network cannot fit anything.</source>
        <translation>正则化系数 λ（0 … 10）：权重惩罚相对数据损失的分量。太大时网络什么也拟合不了。</translation>
    </message>
    <message>
        <source>Gradient clipping caps the gradient before the step. By norm: rescale all gradients together so their L2 norm is at most the threshold (direction kept). By value: clamp each entry to ±threshold. Tames exploding gradients.</source>
        <translation>梯度裁剪在更新前限制梯度。按范数：把所有梯度一起缩放，使其 L2 范数不超过阈值（方向不变）。按数值：把每个分量截断到 ±阈值。用于抑制梯度爆炸。</translation>
    </message>
    <message>
        <source>clipping threshold</source>
        <translation>裁剪阈值</translation>
    </message>
    <message>
        <source>The threshold (&gt; 0): max_norm when clipping by norm, clip_value by value.</source>
        <translation>阈值（&gt; 0）：按范数裁剪时为 max_norm，按数值裁剪时为 clip_value。</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>惩罚</translation>
    </message>
    <message>
        <source>Clip grads</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>How the learning rate changes during training, starting from the learning rate above. Decaying it lets training settle into a minimum. (Restarts training.)</source>
        <translation>训练过程中学习率如何变化，从上面的学习率开始。学习率衰减让训练稳定地落入极小值。（会重新开始训练。）</translation>
    </message>
    <message>
        <source>per step</source>
        <translation>按步</translation>
    </message>
    <message>
        <source>per epoch</source>
        <translation>按轮</translation>
    </message>
    <message>
        <source>What t counts: optimizer steps (mini-batches) or epochs (passes over the training set).</source>
        <translation>t 数的是什么：优化器的步数（小批量）或轮数（遍历训练集的次数）。</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>The learning rate the schedule will use at each step of the next {steps} steps (one-cycle: its whole cycle).</source>
        <translation>接下来 {steps} 步中每一步的调度学习率（单周期：整个周期）。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>integer in {interval}</source>
        <translation>{interval} 内的整数</translation>
    </message>
    <message>
        <source>True or False</source>
        <translation>勾选或不勾选</translation>
    </message>
    <message>
        <source>True</source>
        <translation>勾选</translation>
    </message>
    <message>
        <source>False</source>
        <translation>不勾选</translation>
    </message>
    <message>
        <source>{symbol}: {meaning}</source>
        <translation>{symbol}：{meaning}</translation>
    </message>
    <message>
        <source>Allowed: {allowed}.</source>
        <translation>允许：{allowed}。</translation>
    </message>
    <message>
        <source>Allowed: {allowed}; default {default}.</source>
        <translation>允许：{allowed}；默认 {default}。</translation>
    </message>
    <message>
        <source>{meaning} {allowed}</source>
        <comment>a tooltip&apos;s two sentences</comment>
        <translation>{meaning}{allowed}</translation>
    </message>
    <message>
        <source>= learning rate</source>
        <translation>= 学习率</translation>
    </message>
    <message>
        <source>shown: {value}</source>
        <translation>显示值：{value}</translation>
    </message>
    <message>
        <source>click to edit</source>
        <translation>单击编辑</translation>
    </message>
    <message>
        <source>Edit weight</source>
        <translation>编辑权重</translation>
    </message>
    <message>
        <source>Edit bias</source>
        <translation>编辑偏置</translation>
    </message>
    <message>
        <source>{what} (now {value}):</source>
        <translation>{what}（当前 {value}）：</translation>
    </message>
    <message>
        <source>{n} feature</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <source>{n} features</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <source>Input · {count}</source>
        <translation>输入 · {count}</translation>
    </message>
    <message>
        <source>Input
{count}</source>
        <translation>输入
{count}</translation>
    </message>
    <message>
        <source>In
{n}</source>
        <translation>输入
{n}</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>L{k}</source>
        <translation>L{k}</translation>
    </message>
    <message>
        <source>{n} unit</source>
        <translation>{n} 个神经元</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>{n} 个神经元</translation>
    </message>
</context>
</TS>
