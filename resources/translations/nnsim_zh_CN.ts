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
        <source>Regression has no accuracy: its output is a number, not a class. See the loss.</source>
        <translation>回归没有准确率：它的输出是一个数，而不是类别。请看损失。</translation>
    </message>
    <message>
        <source>Test (solid) and train (dashed) accuracy, in %.</source>
        <translation>测试准确率（实线）和训练准确率（虚线），单位 %。</translation>
    </message>
    <message>
        <source>accuracy % (test solid, train dashed)</source>
        <translation>准确率 %（测试实线，训练虚线）</translation>
    </message>
    <message>
        <source>gradient norm of layer {layer} (log)</source>
        <translation>第 {layer} 层的梯度范数（对数）</translation>
    </message>
    <message>
        <source>The layer whose gradient norm is drawn. Vanishing gradients show first in layer 1 (farthest from the loss); exploding ones in every layer.</source>
        <translation>画出哪一层的梯度范数。梯度消失最先出现在第 1 层（离损失最远）；梯度爆炸则出现在每一层。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>layer {layer} (output)</source>
        <translation>第 {layer} 层（输出层）</translation>
    </message>
    <message>
        <source>layer {layer} (first hidden)</source>
        <translation>第 {layer} 层（第一个隐藏层）</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>第 {layer} 层</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Test loss (solid) and train loss (dashed) of every run.</source>
        <translation>每次运行的测试损失（实线）和训练损失（虚线）。</translation>
    </message>
    <message>
        <source>One layer&apos;s gradient norm per step, on a log axis.</source>
        <translation>某一层每一步的梯度范数，对数坐标。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>{run} diverged at step {step}</source>
        <translation>{run} 在第 {step} 步发散</translation>
    </message>
    <message>
        <source>loss (test solid, train dashed)</source>
        <translation>损失（测试实线，训练虚线）</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Initialiser</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>initialiser</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Activation (all hidden layers)</source>
        <translation>激活函数（所有隐藏层）</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>{setting}: {problem}</source>
        <translation>{setting}：{problem}</translation>
    </message>
    <message>
        <source>a value is empty (separate values with commas: 0.01, 0.1)</source>
        <translation>有一个值是空的（值之间用逗号分隔：0.01, 0.1）</translation>
    </message>
    <message>
        <source>{count} value(s): give {low} to {high}, separated by commas</source>
        <translation>给了 {count} 个值：请给 {low} 到 {high} 个，用逗号分隔</translation>
    </message>
    <message>
        <source>{value} is given twice</source>
        <translation>{value} 给了两次</translation>
    </message>
    <message>
        <source>{setting} is both settings: choose another second one, or (nothing)</source>
        <translation>两个设置都是{setting}：请另选第二个设置，或选（无）</translation>
    </message>
    <message>
        <source>final train</source>
        <translation>最终训练损失</translation>
    </message>
    <message>
        <source>best train</source>
        <translation>最佳训练损失</translation>
    </message>
    <message>
        <source>final test</source>
        <translation>最终测试损失</translation>
    </message>
    <message>
        <source>best test</source>
        <translation>最佳测试损失</translation>
    </message>
    <message>
        <source>test acc</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>test &lt; threshold at</source>
        <translation>测试损失低于阈值的步</translation>
    </message>
    <message>
        <source>diverged at</source>
        <translation>发散于</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>The train loss at the last evaluation.</source>
        <translation>最近一次评估时的训练损失。</translation>
    </message>
    <message>
        <source>The lowest train loss evaluated so far.</source>
        <translation>到目前为止评估到的最低训练损失。</translation>
    </message>
    <message>
        <source>The test loss at the last evaluation.</source>
        <translation>最近一次评估时的测试损失。</translation>
    </message>
    <message>
        <source>The lowest test loss evaluated so far.</source>
        <translation>到目前为止评估到的最低测试损失。</translation>
    </message>
    <message>
        <source>The test accuracy at the last evaluation (none for regression).</source>
        <translation>最近一次评估时的测试准确率（回归没有）。</translation>
    </message>
    <message>
        <source>The first evaluated step at which the test loss fell below the threshold.</source>
        <translation>测试损失第一次低于阈值时评估的那一步。</translation>
    </message>
    <message>
        <source>The step at which the run diverged (its loss was no longer finite).</source>
        <translation>运行发散的那一步（损失不再是有限值）。</translation>
    </message>
    <message>
        <source>Why the run stopped, if it diverged.</source>
        <translation>运行发散时，它停下的原因。</translation>
    </message>
    <message>
        <source>The {setting} of each run, in its colour in the plots.</source>
        <translation>每次运行的{setting}，颜色与图中相同。</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The setting in which the runs differ.</source>
        <translation>各次运行之间不同的设置。</translation>
    </message>
    <message>
        <source>choose a second setting to make a grid</source>
        <translation>选择第二个设置，组成网格</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>改变</translation>
    </message>
    <message>
        <source>and</source>
        <comment>vary one setting and another</comment>
        <translation>和</translation>
    </message>
    <message>
        <source>runs of “{title}”: type values of the {setting} and press Enter to vary it instead</source>
        <translation>“{title}”的运行：输入{setting}的值并按 Enter，改为变化它</translation>
    </message>
    <message>
        <source>A second setting that varies too: every combination of the two runs (a grid of at most {count} runs). {nothing}: only the first varies.</source>
        <translation>也要变化的第二个设置：两者的每种组合各运行一次（网格最多 {count} 次运行）。{nothing}：只变化第一个。</translation>
    </message>
    <message>
        <source>2 to 8 values of the {setting}, separated by commas (e.g. {values}); Enter builds the runs.</source>
        <translation>{setting}的 2 到 8 个值，用逗号分隔（例如 {values}）；按 Enter 建立这些运行。</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>对比运行</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train every run together, one step each at a time.</source>
        <translation>所有运行一起训练，每次各走一步。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One mini-batch step of every run.</source>
        <translation>每次运行各走一个小批量步。</translation>
    </message>
    <message>
        <source>The table says when each run&apos;s test loss first fell below this.</source>
        <translation>表格会显示每次运行的测试损失何时第一次低于这个值。</translation>
    </message>
    <message>
        <source>Use this run</source>
        <translation>使用这次运行</translation>
    </message>
    <message>
        <source>Make the selected run&apos;s experiment the main window&apos;s.</source>
        <translation>把选中运行的实验设为主窗口的实验。</translation>
    </message>
    <message>
        <source>test loss threshold</source>
        <translation>测试损失阈值</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between problems</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>Not changed: {problems}. The previous runs are kept.</source>
        <translation>未更改：{problems}。先前的运行保持不变。</translation>
    </message>
    <message>
        <source>Not changed: {problems}.</source>
        <translation>未更改：{problems}。</translation>
    </message>
    <message>
        <source>{runs}: press Play.</source>
        <translation>{runs}：按“播放”开始。</translation>
    </message>
    <message>
        <source>{count} runs differing in {settings}</source>
        <translation>{count} 次运行，{settings}各不相同</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>{runs}, training together.</source>
        <translation>{runs}，正在一起训练。</translation>
    </message>
    <message>
        <source>Every run has diverged.</source>
        <translation>所有运行都已发散。</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>Not changed: the threshold must be a number &gt; 0, got {text!r}.</source>
        <translation>未更改：阈值必须是大于 0 的数，得到的是 {text!r}。</translation>
    </message>
    <message>
        <source>Not applied: {problem}</source>
        <translation>未应用：{problem}</translation>
    </message>
    <message>
        <source>The main experiment is now the run {run} at step {step}.</source>
        <translation>主实验现在是运行 {run}，从第 {step} 步继续。</translation>
    </message>
    <message>
        <source>The main experiment is now the run {run}.</source>
        <translation>主实验现在是运行 {run}。</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <source>trajectory</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>current weights</source>
        <translation>当前权重</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>The training loss J(θ + α·d₁ + β·d₂) on a plane through the current weights θ (Li et al., 2018). Random directions are filter-normalised: each unit&apos;s incoming weights move as far as they are long, biases stay. PCA directions follow the trajectory training took.</source>
        <translation>经过当前权重 θ 的一个平面上的训练损失 J(θ + α·d₁ + β·d₂)（Li et al., 2018）。随机方向按滤波器归一化：每个单元的输入权重移动的距离与它们自身的长度相同，偏置不动。PCA 方向沿着训练走过的轨迹。</translation>
    </message>
    <message>
        <source>Random (filter-normalised)</source>
        <translation>随机（按滤波器归一化）</translation>
    </message>
    <message>
        <source>PCA of the trajectory</source>
        <translation>轨迹的 PCA</translation>
    </message>
    <message>
        <source>Random: two Gaussian directions, each filter scaled to the weights&apos; own norm.
PCA: the two directions the weights moved along most so far.</source>
        <translation>随机：两个高斯方向，每个滤波器缩放到权重自身的范数。
PCA：到目前为止权重移动最多的两个方向。</translation>
    </message>
    <message>
        <source>Picks the random directions (the same seed, the same plane).</source>
        <translation>决定随机方向（同一个随机种子，同一个平面）。</translation>
    </message>
    <message>
        <source>α and β run from −range to +range (1 = one filter&apos;s length).</source>
        <translation>α 和 β 从 −范围 取到 +范围（1 = 一个滤波器的长度）。</translation>
    </message>
    <message>
        <source>Fit to the trajectory</source>
        <translation>适配轨迹</translation>
    </message>
    <message>
        <source>Choose the range so that the whole trajectory is on the plot.</source>
        <translation>自动选择范围，使整条轨迹都在图上。</translation>
    </message>
    <message>
        <source> × grid</source>
        <translation> 点/边</translation>
    </message>
    <message>
        <source>Grid points along each axis (odd: the centre is a point).</source>
        <translation>每个轴上的网格点数（奇数：中心是一个网格点）。</translation>
    </message>
    <message>
        <source>Follow training</source>
        <translation>跟随训练</translation>
    </message>
    <message>
        <source>Recompute from the newest weights while training runs.</source>
        <translation>训练进行时，用最新的权重重新计算。</translation>
    </message>
    <message>
        <source>1-D slice</source>
        <translation>一维切片</translation>
    </message>
    <message>
        <source>The loss along d₁ through the current weights (β = 0).</source>
        <translation>经过当前权重、沿 d₁ 方向的损失（β = 0）。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Compute the landscape of the weights on screen now.</source>
        <translation>现在计算屏幕上这组权重的损失地形。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop computing; the last finished grid stays.</source>
        <translation>停止计算；保留上一个算完的网格。</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Nothing to show yet: the training process has not started.</source>
        <translation>还没有可显示的内容：训练进程尚未开始。</translation>
    </message>
    <message>
        <source>Training diverged ({why}): the loss around these weights is not finite. Reset (R) or lower the learning rate, then train again.</source>
        <translation>训练已发散（{why}）：这组权重周围的损失不是有限值。请重置（R）或降低学习率，然后重新训练。</translation>
    </message>
    <message>
        <source>The weights do not fit the network: {problem}</source>
        <translation>权重与网络不匹配：{problem}</translation>
    </message>
    <message>
        <source>Cancelled after {done} of {total} points; the last finished grid stays.</source>
        <translation>已在算完 {total} 个点中的 {done} 个后取消；保留上一个算完的网格。</translation>
    </message>
    <message>
        <source>α · d₁ (random, seed {seed})</source>
        <translation>α · d₁（随机，随机种子 {seed}）</translation>
    </message>
    <message>
        <source>β · d₂ (random, seed {seed})</source>
        <translation>β · d₂（随机，随机种子 {seed}）</translation>
    </message>
    <message>
        <source>α · PC 1 ({share:.0%} of the trajectory)</source>
        <translation>α · PC 1（轨迹的 {share:.0%}）</translation>
    </message>
    <message>
        <source>β · PC 2 ({share:.0%})</source>
        <translation>β · PC 2（{share:.0%}）</translation>
    </message>
    <message>
        <source>Step {step}: {n}×{n} losses in {seconds:.2f} s. Loss at the current weights (★, the training loss): {centre:.4g}; from {low:.4g} to {high:.4g} on the plane.</source>
        <translation>第 {step} 步：{seconds:.2f} 秒算出 {n}×{n} 个损失。当前权重处的损失（★，即训练损失）：{centre:.4g}；平面上从 {low:.4g} 到 {high:.4g}。</translation>
    </message>
    <message>
        <source> PC 1 and PC 2 hold {first:.0%} and {second:.0%} of the trajectory&apos;s {points} points&apos; spread.</source>
        <translation>PC 1 和 PC 2 分别占轨迹 {points} 个点离散程度的 {first:.0%} 和 {second:.0%}。</translation>
    </message>
    <message>
        <source> The trajectory is its least-squares projection onto the plane: random directions are nearly orthogonal to it, PCA directions show it whole.</source>
        <translation>轨迹是它在平面上的最小二乘投影：随机方向与它几乎正交，PCA 方向能完整地显示它。</translation>
    </message>
    <message>
        <source>loss − minimum (log)</source>
        <translation>损失 − 最小值（对数）</translation>
    </message>
    <message>
        <source>The engine&apos;s optimizer, on the 2 numbers (x, y).</source>
        <translation>引擎中的优化器，作用在两个数 (x, y) 上。</translation>
    </message>
    <message>
        <source>How the learning rate changes from step to step.</source>
        <translation>学习率如何随步数变化。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Take this optimizer out of the race.</source>
        <translation>让这个优化器退出比赛。</translation>
    </message>
    <message>
        <source>Not changed: {problem}.</source>
        <translation>未更改：{problem}。</translation>
    </message>
    <message>
        <source>Near the {point} ({x:.3g}, {y:.3g}), curvatures {curvatures}.</source>
        <translation>在{point} ({x:.3g}, {y:.3g}) 附近，曲率为 {curvatures}。</translation>
    </message>
    <message>
        <source>{racer}: no fixed limit — it divides each coordinate&apos;s step by a running size of its gradients, so its steps stay about η long.</source>
        <translation>{racer}：没有固定的上限——它把每个坐标的步长除以该坐标梯度的滑动大小，所以步长大约保持为 η。</translation>
    </message>
    <message>
        <source>{racer}: along the downhill direction each step multiplies the distance from the saddle by {rate:.4g}.</source>
        <translation>{racer}：沿下坡方向，每一步把到鞍点的距离乘以 {rate:.4g}。</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>What SGD with momentum μ and rate η does along the steepest direction (Goh, “Why Momentum Really Works”, Distill 2017): green monotone, orange oscillating (jumps across the valley), blue ripples (spirals in), red divergent. Plain gradient descent is the bottom edge, μ = 0: it diverges past 2/λ_max.</source>
        <translation>动量为 μ、学习率为 η 的 SGD 沿最陡方向的行为（Goh，《为什么动量真的有效》，Distill 2017）：绿色单调，橙色振荡（在山谷两侧来回跳），蓝色波纹（螺旋收敛），红色发散。普通梯度下降是底边 μ = 0：学习率超过 2/λ_max 就发散。</translation>
    </message>
    <message>
        <source>SGD along the steepest curvature λ_max = {curvature:.4g}</source>
        <translation>SGD 在最陡曲率方向上（λ_max = {curvature:.4g}）</translation>
    </message>
    <message>
        <source>global minimum</source>
        <translation>全局最小值</translation>
    </message>
    <message>
        <source>local minimum</source>
        <translation>局部最小值</translation>
    </message>
    <message>
        <source>saddle</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>The start: drag it and every optimizer starts again from here.</source>
        <translation>起点：拖动它，每个优化器都从这里重新开始。</translation>
    </message>
    <message>
        <source>Quadratic bowl</source>
        <translation>二次碗形</translation>
    </message>
    <message>
        <source>Saddle</source>
        <translation>鞍面</translation>
    </message>
    <message>
        <source>Six-hump camel</source>
        <translation>六驼峰函数</translation>
    </message>
    <message>
        <source>½·(λ₁u² + λ₂v²), λ₁ = 1, λ₂ = C, (u, v) = θ rotated by −angle</source>
        <translation>½·(λ₁u² + λ₂v²)，λ₁ = 1，λ₂ = C，(u, v) = θ 旋转 −角度</translation>
    </message>
    <message>
        <source>Optimizers on 2-D surfaces</source>
        <translation>二维曲面上的优化器</translation>
    </message>
    <message>
        <source>— a preset —</source>
        <translation>— 预设 —</translation>
    </message>
    <message>
        <source>A story from the article: surface, start and optimizers.</source>
        <translation>文章中的一个例子：曲面、起点和优化器。</translation>
    </message>
    <message>
        <source>The surface the optimizers race on.</source>
        <translation>优化器比赛所在的曲面。</translation>
    </message>
    <message>
        <source>condition number</source>
        <translation>条件数</translation>
    </message>
    <message>
        <source>The bowl&apos;s condition number C = λ_max/λ_min (1–100): how much steeper across the valley than along it.</source>
        <translation>碗形的条件数 C = λ_max/λ_min（1–100）：横穿山谷比沿着山谷陡多少倍。</translation>
    </message>
    <message>
        <source>angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>The bowl&apos;s rotation, in degrees (−360 to 360).</source>
        <translation>碗形的旋转角度，单位为度（−360 到 360）。</translation>
    </message>
    <message>
        <source>Run the race; press again to pause.</source>
        <translation>开始比赛；再按一次暂停。</translation>
    </message>
    <message>
        <source>One step of every racer.</source>
        <translation>每个参赛者各走一步。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the start.</source>
        <translation>回到起点。</translation>
    </message>
    <message>
        <source>How many steps each racer takes per second while playing.</source>
        <translation>播放时每个参赛者每秒走多少步。</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>condition C</source>
        <translation>条件数 C</translation>
    </message>
    <message>
        <source>angle°</source>
        <translation>角度°</translation>
    </message>
    <message>
        <source>{speed} steps/s</source>
        <translation>{speed} 步/秒</translation>
    </message>
    <message>
        <source>Add optimizer</source>
        <translation>添加优化器</translation>
    </message>
    <message>
        <source>Race up to {count} optimizers.</source>
        <translation>最多可让 {count} 个优化器比赛。</translation>
    </message>
</context>
</TS>
